package dev.megalite.api.query;

import dev.megalite.api.error.BadRequestException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An opaque position in a query's results, valid only with the query that produced it. Its
 * url-safe string form can travel through web pages and back.
 */
public final class Cursor {
  private final byte[] bytes;

  private Cursor(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A cursor from the engine's encoded position. */
  public static Cursor of(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new BadRequestException("cursor is empty");
    }
    return new Cursor(bytes.clone());
  }

  public static Cursor fromUrlSafe(String text) {
    if (text == null || text.isEmpty()) {
      throw new BadRequestException("cursor is empty");
    }
    try {
      return of(Base64.getUrlDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("cursor '" + text + "' is not a valid url-safe cursor", e);
    }
  }

  public String toUrlSafe() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cursor c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Cursor(" + toUrlSafe() + ")";
  }
}
