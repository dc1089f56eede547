package dev.megalite.gql.ast;

/** Where a node starts in the query text: 1-based line and column. */
public record Position(int line, int column) {

  /** The start of a text. */
  public static final Position START = new Position(1, 1);

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("position " + line + ":" + column + " is not 1-based");
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
