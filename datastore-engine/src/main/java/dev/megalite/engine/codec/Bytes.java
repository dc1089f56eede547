package dev.megalite.engine.codec;

import java.util.Arrays;

/** Helpers for byte-string ranges over encoded keys. */
public final class Bytes {
  private Bytes() {}

  /**
   * The smallest byte string greater than every string that starts with {@code prefix}, or null
   * when there is none (the prefix is all {@code 0xFF}).
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] out = Arrays.copyOf(prefix, i + 1);
        out[i]++;
        return out;
      }
    }
    return null;
  }

  public static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** {@code a} followed by {@code b[from, b.length)}, in one new array. */
  public static byte[] concat(byte[] a, byte[] b, int from) {
    byte[] out = Arrays.copyOf(a, a.length + b.length - from);
    System.arraycopy(b, from, out, a.length, b.length - from);
    return out;
  }

  /** A copy of {@code b[from, to)}. */
  public static byte[] slice(byte[] b, int from, int to) {
    return Arrays.copyOfRange(b, from, to);
  }

  /** A bitwise-inverted copy. */
  public static byte[] invert(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) ~b[i];
    }
    return out;
  }
}
