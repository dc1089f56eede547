package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.Position;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Syntax error messages: "unexpected 'WHER'; expected WHERE, ORDER BY, LIMIT, OFFSET or end of
 * query". Expected tokens are named as a reader thinks of them (ORDER BY, HAS ANCESTOR, a value,
 * a name), in grammar order, and only as the dialect being read spells them.
 */
final class SyntaxMessages {
  private static final int MAX_SHOWN = 40;

  /** Tokens a value starts with; when a value may come they are named together, "a value". */
  private static final BitSet VALUE_START =
      DialectTokenSource.bits(
          GqlLexer.BINDING,
          GqlLexer.INTEGER,
          GqlLexer.DOUBLE,
          GqlLexer.STRING,
          GqlLexer.TRUE,
          GqlLexer.FALSE,
          GqlLexer.NULL,
          GqlLexer.PLUS,
          GqlLexer.MINUS,
          GqlLexer.KEY,
          GqlLexer.PROJECT,
          GqlLexer.NAMESPACE,
          GqlLexer.BLOB,
          GqlLexer.DATETIME,
          GqlLexer.DATE,
          GqlLexer.TIME,
          GqlLexer.GEOPT,
          GqlLexer.USER);

  /** Tokens of the union grammar that App Engine GQL does not have (or rejects with a message). */
  private static final BitSet HIDDEN_IN_APP_ENGINE = hiddenInAppEngine();

  /** Tokens that may follow a name; a keyword before one of them was meant as a name. */
  private static final BitSet NOT_AFTER_NAME =
      DialectTokenSource.bits(
          GqlLexer.IDENT,
          GqlLexer.QUOTED_NAME,
          GqlLexer.STRING,
          GqlLexer.INTEGER,
          GqlLexer.DOUBLE,
          GqlLexer.BINDING);

  /** Words that must be followed by '(': KEY(…), COUNT(…), ARRAY(…) … */
  private static final BitSet CALLS =
      DialectTokenSource.bits(
          GqlLexer.KEY,
          GqlLexer.PROJECT,
          GqlLexer.NAMESPACE,
          GqlLexer.BLOB,
          GqlLexer.DATETIME,
          GqlLexer.DATE,
          GqlLexer.TIME,
          GqlLexer.GEOPT,
          GqlLexer.USER,
          GqlLexer.ARRAY,
          GqlLexer.COUNT,
          GqlLexer.COUNT_UP_TO,
          GqlLexer.SUM,
          GqlLexer.AVG,
          GqlLexer.FIRST);

  private SyntaxMessages() {}

  private static BitSet hiddenInAppEngine() {
    BitSet set = (BitSet) DialectTokenSource.CLOUD_ONLY.clone();
    set.or(DialectTokenSource.bits(GqlLexer.OR, GqlLexer.NOT, GqlLexer.PLUS));
    return set;
  }

  static GqlException error(
      Token before, Token offending, Token after, IntervalSet expected, GqlDialect dialect) {
    if (before != null
        && CALLS.get(before.getType())
        && expected.size() == 1
        && expected.contains(GqlLexer.LPAREN)
        && offending.getType() != GqlLexer.LPAREN) {
      // KEY, COUNT, ARRAY … need '(' next; without it the word was meant as a name.
      return reservedWord(before, dialect);
    }
    Position at = new Position(offending.getLine(), offending.getCharPositionInLine() + 1);
    int type = offending.getType();
    String text = offending.getText();
    if (type == GqlLexer.UNTERMINATED) {
      boolean name = text.startsWith("`") || dialect == GqlDialect.APP_ENGINE && text.startsWith("\"");
      return GqlException.syntax(
          at, "unterminated " + (name ? "quoted name " : "string ") + shorten(text));
    }
    List<String> names = expectedNames(expected, dialect);
    if (isKeyword(offending)
        && expected.contains(GqlLexer.IDENT)
        && (after == null || after.getType() < 0 || !NOT_AFTER_NAME.get(after.getType()))) {
      return reservedWord(offending, dialect);
    }
    String found = type == Token.EOF ? "end of query" : "'" + shorten(text) + "'";
    StringBuilder message = new StringBuilder("unexpected ").append(found);
    if (!names.isEmpty()) {
      message.append("; expected ").append(join(names));
    }
    if (type == GqlLexer.FOREIGN_BINDING) {
      message.append(
          dialect == GqlDialect.CLOUD
              ? " (Cloud GQL binding sites are written @1 or @name)"
              : " (App Engine GQL binding sites are written :1 or :name)");
    }
    return GqlException.syntax(at, message.toString());
  }

  private static GqlException reservedWord(Token word, GqlDialect dialect) {
    String text = word.getText();
    String quoted = dialect == GqlDialect.CLOUD ? "`" + text + "`" : "\"" + text + "\"";
    return GqlException.syntax(
        new Position(word.getLine(), word.getCharPositionInLine() + 1),
        "reserved word '" + text + "' cannot be a name unless quoted: " + quoted);
  }

  private static boolean isKeyword(Token t) {
    String text = t.getText();
    int type = t.getType();
    return type > 0
        && type != GqlLexer.IDENT
        && type != GqlLexer.FOREIGN_BINDING
        && !text.isEmpty()
        && Character.isLetter(text.charAt(0));
  }

  private static List<String> expectedNames(IntervalSet expected, GqlDialect dialect) {
    BitSet hidden = dialect == GqlDialect.CLOUD ? DialectTokenSource.APP_ENGINE_ONLY : HIDDEN_IN_APP_ENGINE;
    // App Engine conditions start with a property (the grammar's value-first form is Cloud's).
    boolean conditionStart = expected.contains(GqlLexer.ANCESTOR);
    boolean skipValues = dialect == GqlDialect.APP_ENGINE && conditionStart;
    boolean values = expected.contains(GqlLexer.STRING);
    boolean forward = expected.contains(GqlLexer.IS);
    Set<String> keywords = new LinkedHashSet<>();
    Set<String> generic = new LinkedHashSet<>();
    for (int type : expected.toArray()) {
      if (type <= 0 || hidden.get(type) || dialect == GqlDialect.CLOUD && type == GqlLexer.SEMI) {
        continue;
      }
      if (values && VALUE_START.get(type)) {
        if (!skipValues) {
          generic.add("a value");
        }
        continue;
      }
      switch (type) {
        case GqlLexer.IDENT, GqlLexer.QUOTED_NAME -> generic.add("a name");
        case GqlLexer.INTEGER -> generic.add("an integer");
        case GqlLexer.DOUBLE -> generic.add("a number");
        case GqlLexer.STRING -> generic.add("a string");
        case GqlLexer.BINDING -> generic.add("a binding site");
        default -> keywords.add(displayName(type, forward));
      }
    }
    List<String> names = new ArrayList<>(keywords);
    names.addAll(generic);
    if (expected.contains(Token.EOF)) {
      names.add("end of query");
    }
    return names;
  }

  private static String displayName(int type, boolean forward) {
    return switch (type) {
      case GqlLexer.ORDER -> "ORDER BY";
      case GqlLexer.GROUP -> "GROUP BY";
      case GqlLexer.NOT -> "NOT IN";
      case GqlLexer.HAS -> forward ? "HAS ANCESTOR" : "HAS DESCENDANT";
      case GqlLexer.LPAREN -> "'('";
      case GqlLexer.RPAREN -> "')'";
      case GqlLexer.COMMA -> "','";
      case GqlLexer.STAR -> "'*'";
      case GqlLexer.PLUS -> "'+'";
      case GqlLexer.MINUS -> "'-'";
      case GqlLexer.SEMI -> "';'";
      default -> {
        String literal = GqlLexer.VOCABULARY.getLiteralName(type);
        String name =
            literal != null ? literal.substring(1, literal.length() - 1) : GqlLexer.VOCABULARY.getSymbolicName(type);
        yield name.toUpperCase(java.util.Locale.ROOT);
      }
    };
  }

  private static String join(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  static String shorten(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "…";
  }
}
