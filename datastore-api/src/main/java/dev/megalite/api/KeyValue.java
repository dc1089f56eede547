package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;

/** A reference to another entity's key. */
public record KeyValue(Key value, boolean indexed) implements Value {
  public KeyValue {
    if (value == null) {
      throw new BadRequestException("key value is null; use Value.ofNull()");
    }
  }

  @Override
  public ValueType type() {
    return ValueType.KEY;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new KeyValue(value, indexed);
  }
}
