package dev.megalite.api.model;

import dev.megalite.api.error.BadRequestException;

/**
 * Long text, App Engine's {@code Text} / {@code TextProperty}: a string of any length that is
 * stored unindexed, so it escapes the 1,500-byte limit of indexed strings and costs no index rows.
 */
public record Text(String value) implements CharSequence {
  public Text {
    if (value == null) {
      throw new BadRequestException("text is null; use a null field instead");
    }
  }

  public static Text of(String value) {
    return new Text(value);
  }

  @Override
  public int length() {
    return value.length();
  }

  @Override
  public char charAt(int index) {
    return value.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return value.subSequence(start, end);
  }

  @Override
  public String toString() {
    return value;
  }
}
