package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import java.util.Arrays;

/**
 * Bounds on the key path from {@code __key__} filters, as encoded terminated paths: {@code lower}
 * and {@code upper} (null for none). Paths order as keys do, so the bounds are byte comparisons.
 */
record KeyRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {

  static final KeyRange ALL = new KeyRange(null, false, null, false);

  KeyRange withLower(byte[] v, boolean inclusive) {
    if (lower != null) {
      int c = Bytes.compare(v, lower);
      if (c < 0 || (c == 0 && (inclusive || !lowerInclusive))) {
        return this;
      }
    }
    return new KeyRange(v, inclusive, upper, upperInclusive);
  }

  KeyRange withUpper(byte[] v, boolean inclusive) {
    if (upper != null) {
      int c = Bytes.compare(v, upper);
      if (c > 0 || (c == 0 && (inclusive || !upperInclusive))) {
        return this;
      }
    }
    return new KeyRange(lower, lowerInclusive, v, inclusive);
  }

  boolean isAll() {
    return lower == null && upper == null;
  }

  boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int c = Bytes.compare(lower, upper);
    return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive));
  }

  /** Whether the terminated path encoded at {@code b[from, to)} is in the range. */
  boolean contains(byte[] b, int from, int to) {
    if (lower != null) {
      int c = Arrays.compareUnsigned(b, from, to, lower, 0, lower.length);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (upper != null) {
      int c = Arrays.compareUnsigned(b, from, to, upper, 0, upper.length);
      if (c > 0 || (c == 0 && !upperInclusive)) {
        return false;
      }
    }
    return true;
  }

  /** The first path to seek to, or null for the start. */
  byte[] seekStart() {
    if (lower == null) {
      return null;
    }
    return lowerInclusive ? lower : Bytes.concat(lower, new byte[] {0});
  }

  /** The exclusive end as a path prefix bound, or null for none. */
  byte[] end() {
    if (upper == null) {
      return null;
    }
    return upperInclusive ? Bytes.concat(upper, new byte[] {0}) : upper;
  }
}
