package dev.megalite.gql.ast;

import java.util.Objects;

/**
 * {@code OFFSET n} ({@code plus} null), or Cloud's {@code OFFSET @cursor + n}: start at the cursor,
 * then skip n results.
 */
public record Offset(Position position, ResultPosition base, ResultPosition plus) {
  public Offset {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(base, "base");
  }
}
