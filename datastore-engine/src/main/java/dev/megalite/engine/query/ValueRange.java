package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of index values given as encoded bounds: {@code lower} and {@code upper} (null for none,
 * each inclusive or not) minus a list of excluded values (from {@code !=} and {@code NOT IN}).
 * Bounds and exclusions are ascending value encodings, so membership is a byte comparison.
 */
record ValueRange(
    byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive, List<byte[]> excluded) {

  static final ValueRange ALL = new ValueRange(null, false, null, false, List.of());

  static ValueRange equalTo(byte[] v) {
    return new ValueRange(v, true, v, true, List.of());
  }

  ValueRange withLower(byte[] v, boolean inclusive) {
    if (lower != null) {
      int c = Bytes.compare(v, lower);
      if (c < 0 || (c == 0 && (inclusive || !lowerInclusive))) {
        return this;
      }
    }
    return new ValueRange(v, inclusive, upper, upperInclusive, excluded);
  }

  ValueRange withUpper(byte[] v, boolean inclusive) {
    if (upper != null) {
      int c = Bytes.compare(v, upper);
      if (c > 0 || (c == 0 && (inclusive || !upperInclusive))) {
        return this;
      }
    }
    return new ValueRange(lower, lowerInclusive, v, inclusive, excluded);
  }

  ValueRange excluding(byte[] v) {
    List<byte[]> ex = new ArrayList<>(excluded);
    ex.add(v);
    return new ValueRange(lower, lowerInclusive, upper, upperInclusive, ex);
  }

  /** Whether the encoded value {@code v} is in the range. */
  boolean contains(byte[] v) {
    return containsSlice(v, 0, v.length);
  }

  /** Whether the value encoded at {@code b[from, to)} is in the range. */
  boolean containsSlice(byte[] b, int from, int to) {
    if (lower != null) {
      int c = java.util.Arrays.compareUnsigned(b, from, to, lower, 0, lower.length);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (upper != null) {
      int c = java.util.Arrays.compareUnsigned(b, from, to, upper, 0, upper.length);
      if (c > 0 || (c == 0 && !upperInclusive)) {
        return false;
      }
    }
    for (byte[] x : excluded) {
      if (java.util.Arrays.equals(b, from, to, x, 0, x.length)) {
        return false;
      }
    }
    return true;
  }

  /** Whether no value can be in the range. */
  boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int c = Bytes.compare(lower, upper);
    return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive));
  }

  boolean isAll() {
    return lower == null && upper == null && excluded.isEmpty();
  }
}
