package dev.megalite.api.query;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;

/** One sort order: a property (or {@code __key__}) and a direction. */
public record SortOrder(String property, Direction direction) {

  /** Ascending or descending. */
  public enum Direction {
    ASCENDING,
    DESCENDING
  }

  public SortOrder {
    if (property == null || direction == null) {
      throw new BadRequestException("sort order needs a property and a direction");
    }
    if (!property.equals(Filter.KEY_PROPERTY)) {
      Entity.validatePropertyName(property);
    }
  }

  public static SortOrder asc(String property) {
    return new SortOrder(property, Direction.ASCENDING);
  }

  public static SortOrder desc(String property) {
    return new SortOrder(property, Direction.DESCENDING);
  }

  public boolean descending() {
    return direction == Direction.DESCENDING;
  }

  @Override
  public String toString() {
    return property + (descending() ? " DESC" : " ASC");
  }
}
