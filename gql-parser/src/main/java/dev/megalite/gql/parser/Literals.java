package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Position;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** Token text to values: strings and quoted names unescaped, numbers, binding sites. */
final class Literals {
  private static final Pattern CLOUD_BINDING_NAME = Pattern.compile("[A-Za-z_$][A-Za-z_$0-9]*");
  private static final Pattern APP_ENGINE_BINDING_NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private Literals() {}

  static Position position(Token t) {
    return new Position(t.getLine(), t.getCharPositionInLine() + 1);
  }

  /** The position of character {@code offset} of token {@code t}'s text. */
  static Position positionWithin(Token t, int offset) {
    String text = t.getText();
    int line = t.getLine();
    int column = t.getCharPositionInLine() + 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(line, column);
  }

  /** A string literal's value. */
  static String string(Token t, GqlDialect dialect) {
    String text = t.getText();
    if (dialect == GqlDialect.APP_ENGINE) {
      // (?:'[^'\n\r]*')+ : adjacent quoted runs, so '' inside stands for one quote.
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    return unescape(t);
  }

  /** A quoted name's text: App Engine "a""b" or Cloud `a\`b`. */
  static String quotedName(Token t, GqlDialect dialect) {
    String text = t.getText();
    String name =
        dialect == GqlDialect.APP_ENGINE
            ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
            : unescape(t);
    if (name.isEmpty()) {
      throw GqlException.semantic(position(t), "a quoted name cannot be empty");
    }
    return name;
  }

  /** Cloud GQL's escapes, inside the quotes of a string or backquoted name. */
  private static String unescape(Token t) {
    String text = t.getText();
    int end = text.length() - 1;
    if (text.indexOf('\\') < 0) {
      return text.substring(1, end);
    }
    StringBuilder sb = new StringBuilder(end);
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case '\\', '\'', '"', '`', '%', '_' -> sb.append(e);
        case '0' -> sb.append('\0');
        case 'b' -> sb.append('\b');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'Z' -> sb.append('\u001a');
        default -> throw GqlException.semantic(
            positionWithin(t, i - 1),
            "unknown escape sequence '\\" + e + "'; the escapes are \\\\ \\0 \\b \\n \\r \\t \\Z"
                + " \\' \\\" \\` \\% \\_");
      }
    }
    return sb.toString();
  }

  /** An integer or double literal, with the sign token before it if any. */
  static Expr number(Position at, Token sign, Token number) {
    String digits = (sign == null ? "" : sign.getText()) + number.getText();
    if (number.getType() == GqlLexer.INTEGER) {
      try {
        return new Expr.IntegerLiteral(at, Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw GqlException.semantic(at, "integer " + digits + " does not fit in 64 bits");
      }
    }
    double d = Double.parseDouble(digits);
    if (Double.isInfinite(d)) {
      throw GqlException.semantic(at, "number " + digits + " is too large for a double");
    }
    return new Expr.DoubleLiteral(at, d);
  }

  /** An unsigned integer literal used as a count (LIMIT, OFFSET, COUNT_UP_TO). */
  static Expr.IntegerLiteral count(Token t) {
    return (Expr.IntegerLiteral) number(position(t), null, t);
  }

  /** {@code :1}, {@code @1}, {@code :name} or {@code @name}. */
  static Expr.Binding binding(Token t, GqlDialect dialect) {
    Position at = position(t);
    String text = t.getText();
    String body = text.substring(1);
    if (Character.isDigit(body.charAt(0))) {
      if (!body.chars().allMatch(Character::isDigit)) {
        throw GqlException.semantic(
            at, "binding site " + text + " is neither a number nor a name starting with a letter");
      }
      int index;
      try {
        index = Integer.parseInt(body);
      } catch (NumberFormatException e) {
        index = -1;
      }
      if (index < 1) {
        throw GqlException.semantic(
            at, "binding site " + text + " is out of range; positions start at 1");
      }
      return new Expr.PositionalBinding(at, index);
    }
    Pattern valid = dialect == GqlDialect.CLOUD ? CLOUD_BINDING_NAME : APP_ENGINE_BINDING_NAME;
    if (!valid.matcher(body).matches()) {
      throw GqlException.semantic(
          at, "binding name '" + body + "' is invalid; it must match " + valid.pattern());
    }
    if (body.length() >= 4 && body.startsWith("__") && body.endsWith("__")) {
      throw GqlException.semantic(at, "binding name '" + body + "' is reserved (__name__)");
    }
    return new Expr.NamedBinding(at, body);
  }
}
