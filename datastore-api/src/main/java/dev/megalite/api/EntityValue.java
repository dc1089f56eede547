package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;

/**
 * An embedded entity (with or without a key). When indexed, its indexed properties are indexed
 * under dotted names ({@code address.city}), as Cloud Datastore does.
 */
public record EntityValue(Entity value, boolean indexed) implements Value {
  public EntityValue {
    if (value == null) {
      throw new BadRequestException("embedded entity is null; use Value.ofNull()");
    }
  }

  @Override
  public ValueType type() {
    return ValueType.ENTITY;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new EntityValue(value, indexed);
  }
}
