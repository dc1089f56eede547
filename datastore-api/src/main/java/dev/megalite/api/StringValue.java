package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;

/** A Unicode string; indexes order strings by their UTF-8 bytes. */
public record StringValue(String value, boolean indexed) implements Value {
  public StringValue {
    if (value == null) {
      throw new BadRequestException("string value is null; use Value.ofNull()");
    }
    PathElement.checkWellFormed("string value", value);
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new StringValue(value, indexed);
  }
}
