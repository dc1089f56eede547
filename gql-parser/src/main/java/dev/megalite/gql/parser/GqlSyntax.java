package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.Statement;
import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Reads GQL text into its AST. Stateless and thread-safe. */
public final class GqlSyntax {

  /** Deeper parenthesis nesting is refused before parsing, so the parser's recursion stays shallow. */
  public static final int MAX_NESTING = 100;

  private GqlSyntax() {}

  /**
   * Parses {@code text} as {@code dialect} and checks the rules the grammar cannot express.
   *
   * @throws GqlException for a syntax error or a statement that breaks a rule, with its position
   */
  public static Statement parse(String text, GqlDialect dialect) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dialect, "dialect");
    GqlLexer lexer = new GqlLexer(CharStreams.fromString(text));
    lexer.cloud = dialect == GqlDialect.CLOUD;
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(new DialectTokenSource(lexer, dialect));
    tokens.fill();
    checkNesting(tokens);
    GqlParser parser = new GqlParser(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new SyntaxErrorStrategy(dialect));
    // Every decision in the grammar is LL(1), so SLL prediction is exact and cheaper.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    return new AstBuilder(dialect).statement(parser.statement());
  }

  private static void checkNesting(CommonTokenStream tokens) {
    int depth = 0;
    for (Token t : tokens.getTokens()) {
      if (t.getType() == GqlLexer.LPAREN && ++depth > MAX_NESTING) {
        throw GqlException.syntax(
            Literals.position(t), "parentheses are nested deeper than " + MAX_NESTING);
      } else if (t.getType() == GqlLexer.RPAREN) {
        depth = Math.max(0, depth - 1);
      }
    }
  }
}
