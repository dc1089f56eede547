package dev.megalite.engine.index;

import java.util.Arrays;

/** One index row: its key and its (small) value. */
public record IndexRow(byte[] key, byte[] value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRow r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "IndexRow" + Arrays.toString(key);
  }
}
