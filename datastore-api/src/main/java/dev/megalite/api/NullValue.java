package dev.megalite.api;

/** The null value: a property that is present and set to null. */
public record NullValue(boolean indexed) implements Value {
  static final NullValue INDEXED = new NullValue(true);

  @Override
  public ValueType type() {
    return ValueType.NULL;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new NullValue(indexed);
  }
}
