package dev.megalite.gql.ast;

import java.util.Objects;

/** {@code ORDER BY property [ASC | DESC]}. */
public record OrderItem(Name property, boolean descending) {
  public OrderItem {
    Objects.requireNonNull(property, "property");
  }
}
