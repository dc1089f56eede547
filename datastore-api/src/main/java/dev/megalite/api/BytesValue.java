package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.util.Arrays;
import java.util.Base64;

/** A byte string (a short blob when indexed, a blob when not). Orders with strings, bytewise. */
public final class BytesValue implements Value {
  private final byte[] value;
  private final boolean indexed;

  public BytesValue(byte[] value, boolean indexed) {
    if (value == null) {
      throw new BadRequestException("bytes value is null; use Value.ofNull()");
    }
    this.value = value.clone();
    this.indexed = indexed;
  }

  /** A copy of the bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** The number of bytes. */
  public int length() {
    return value.length;
  }

  /** Byte {@code i}. */
  public byte byteAt(int i) {
    return value[i];
  }

  @Override
  public boolean indexed() {
    return indexed;
  }

  @Override
  public ValueType type() {
    return ValueType.BYTES;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new BytesValue(value, indexed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BytesValue b && indexed == b.indexed && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value) * 2 + (indexed ? 1 : 0);
  }

  @Override
  public String toString() {
    return "BytesValue[" + Base64.getEncoder().encodeToString(value) + ", indexed=" + indexed + "]";
  }
}
