package dev.megalite.api;

/** A 64-bit IEEE 754 double; ordered as {@link Double#compare} orders (-0.0 before 0.0, NaN last). */
public record DoubleValue(double value, boolean indexed) implements Value {
  @Override
  public ValueType type() {
    return ValueType.DOUBLE;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new DoubleValue(value, indexed);
  }
}
