package dev.megalite.api.model.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact, order-preserving string form of a {@link BigDecimal}: equal strings for equal
 * {@code BigDecimal}s (scale included, as {@link BigDecimal#equals}), and strings that sort (by
 * UTF-8 bytes, as the index sorts strings) in numeric order, so range filters and sorts on a
 * {@code BigDecimal} field work. Numerically equal values of different scales (2.5 and 2.50) sort
 * next to each other, the one with fewer digits first.
 *
 * <p>Layout, ASCII only: a sign character ({@code 0} negative, {@code 1} zero, {@code 2}
 * positive); for zero, the scale in decimal; otherwise the decimal exponent {@code e} (the value
 * is {@code d.ddd × 10^e}) as a length character followed by its digits ({@code L}..{@code U} for
 * 1..10 digits of e ≥ 0; {@code J}..{@code A} and nines' complement digits for e &lt; 0), then all
 * the digits of the unscaled value. A negative value negates the exponent, complements every digit
 * and ends with {@code ~}, which reverses the order. Example: 12.50 is {@code 2L11250}, -12.50 is
 * {@code 0J88749~}, 0.001 is {@code 2J61}.
 */
public final class Decimals {
  private static final char NEGATIVE = '0';
  private static final char ZERO = '1';
  private static final char POSITIVE = '2';
  private static final char EXPONENT_BASE = 'K';
  private static final char NEGATIVE_END = '~';

  private Decimals() {}

  /** The string form of {@code value}. */
  public static String encode(BigDecimal value) {
    int sign = value.signum();
    if (sign == 0) {
      return ZERO + Integer.toString(value.scale());
    }
    String digits = value.unscaledValue().abs().toString();
    long exponent = (long) digits.length() - 1 - value.scale();
    StringBuilder sb = new StringBuilder(digits.length() + 14);
    if (sign > 0) {
      sb.append(POSITIVE);
      appendExponent(sb, exponent);
      sb.append(digits);
    } else {
      sb.append(NEGATIVE);
      appendExponent(sb, -exponent);
      for (int i = 0; i < digits.length(); i++) {
        sb.append((char) ('9' - digits.charAt(i) + '0'));
      }
      sb.append(NEGATIVE_END);
    }
    return sb.toString();
  }

  private static void appendExponent(StringBuilder sb, long e) {
    String digits = Long.toString(Math.abs(e));
    if (e >= 0) {
      sb.append((char) (EXPONENT_BASE + digits.length())).append(digits);
    } else {
      sb.append((char) (EXPONENT_BASE - digits.length()));
      for (int i = 0; i < digits.length(); i++) {
        sb.append((char) ('9' - digits.charAt(i) + '0'));
      }
    }
  }

  /**
   * The {@code BigDecimal} of an {@link #encode} string.
   *
   * @throws IllegalArgumentException when {@code text} is not such a string
   */
  public static BigDecimal decode(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    char sign = text.charAt(0);
    if (sign == ZERO) {
      return new BigDecimal(BigInteger.ZERO, parseInt(text.substring(1)));
    }
    if (sign != POSITIVE && sign != NEGATIVE) {
      throw new IllegalArgumentException("bad sign");
    }
    boolean negative = sign == NEGATIVE;
    if (text.length() < 3) {
      throw new IllegalArgumentException("too short");
    }
    char lengthChar = text.charAt(1);
    int length = Math.abs(lengthChar - EXPONENT_BASE);
    if (length < 1 || length > 19 || text.length() < 2 + length + 1) {
      throw new IllegalArgumentException("bad exponent length");
    }
    String exponentDigits = text.substring(2, 2 + length);
    long exponent;
    if (lengthChar > EXPONENT_BASE) {
      exponent = parseDigits(exponentDigits, false);
    } else {
      exponent = -parseDigits(exponentDigits, true);
    }
    String mantissa;
    if (negative) {
      if (text.charAt(text.length() - 1) != NEGATIVE_END) {
        throw new IllegalArgumentException("no end mark");
      }
      exponent = -exponent;
      mantissa = complement(text.substring(2 + length, text.length() - 1));
    } else {
      mantissa = text.substring(2 + length);
    }
    if (mantissa.isEmpty() || mantissa.charAt(0) == '0') {
      throw new IllegalArgumentException("bad digits");
    }
    for (int i = 0; i < mantissa.length(); i++) {
      if (mantissa.charAt(i) < '0' || mantissa.charAt(i) > '9') {
        throw new IllegalArgumentException("not a digit");
      }
    }
    long scale = mantissa.length() - 1 - exponent;
    if (scale != (int) scale) {
      throw new IllegalArgumentException("scale out of range");
    }
    BigInteger unscaled = new BigInteger(mantissa);
    return new BigDecimal(negative ? unscaled.negate() : unscaled, (int) scale);
  }

  private static String complement(String digits) {
    StringBuilder sb = new StringBuilder(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit");
      }
      sb.append((char) ('9' - c + '0'));
    }
    return sb.toString();
  }

  private static long parseDigits(String digits, boolean complemented) {
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit");
      }
      v = Math.addExact(Math.multiplyExact(v, 10), complemented ? '9' - c : c - '0');
    }
    return v;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad scale", e);
    }
  }
}
