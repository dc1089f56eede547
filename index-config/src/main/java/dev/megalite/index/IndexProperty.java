package dev.megalite.index;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Filter;

/**
 * One property of a composite index and its direction. The name is a property name, or {@code
 * __key__} for an explicit key order (App Engine writes {@code __key__ desc} into indexes for
 * queries sorted by key descending).
 */
public record IndexProperty(String name, Direction direction) {

  public IndexProperty {
    if (name == null || direction == null) {
      throw new BadRequestException("an index property needs a name and a direction");
    }
    if (!name.equals(Filter.KEY_PROPERTY)) {
      Entity.validatePropertyName(name);
    }
  }

  public static IndexProperty asc(String name) {
    return new IndexProperty(name, Direction.ASC);
  }

  public static IndexProperty desc(String name) {
    return new IndexProperty(name, Direction.DESC);
  }

  @Override
  public String toString() {
    return name + " " + direction.configName();
  }
}
