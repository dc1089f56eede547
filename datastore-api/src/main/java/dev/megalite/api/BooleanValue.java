package dev.megalite.api;

/** A boolean; false sorts before true. */
public record BooleanValue(boolean value, boolean indexed) implements Value {
  @Override
  public ValueType type() {
    return ValueType.BOOLEAN;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new BooleanValue(value, indexed);
  }
}
