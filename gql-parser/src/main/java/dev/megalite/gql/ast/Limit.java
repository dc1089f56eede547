package dev.megalite.gql.ast;

import java.util.Objects;

/**
 * {@code LIMIT n} ({@code second} null), or Cloud's {@code LIMIT FIRST(a, b)}: stop at whichever
 * of the two positions (a count, or an end cursor bound to a site) comes first.
 */
public record Limit(Position position, ResultPosition first, ResultPosition second) {
  public Limit {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(first, "first");
  }

  public boolean isFirst() {
    return second != null;
  }
}
