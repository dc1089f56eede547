package dev.megalite.api;

/** A 64-bit signed integer. Orders with timestamps on one number line. */
public record IntegerValue(long value, boolean indexed) implements Value {
  @Override
  public ValueType type() {
    return ValueType.INTEGER;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new IntegerValue(value, indexed);
  }
}
