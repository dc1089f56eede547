package dev.megalite.gql;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.gql.ast.Position;

/**
 * A GQL text that cannot be parsed or bound: a syntax error, or a specific semantic or binding
 * error. Carries the 1-based line and column it refers to; the message starts with them.
 */
public final class GqlException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String detail;

  private GqlException(String kind, int line, int column, String detail) {
    super(kind + " at " + line + ":" + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** "GQL syntax error at line:column: detail". */
  public static GqlException syntax(Position at, String detail) {
    return new GqlException("GQL syntax error", at.line(), at.column(), detail);
  }

  /** "GQL error at line:column: detail", for a text that parses but means nothing valid. */
  public static GqlException semantic(Position at, String detail) {
    return new GqlException("GQL error", at.line(), at.column(), detail);
  }

  /** The 1-based line the error refers to. */
  public int line() {
    return line;
  }

  /** The 1-based column the error refers to. */
  public int column() {
    return column;
  }

  /** The message without the "GQL … error at line:column: " prefix. */
  public String detail() {
    return detail;
  }
}
