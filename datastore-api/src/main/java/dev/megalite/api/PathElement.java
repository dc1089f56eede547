package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.nio.charset.StandardCharsets;

/**
 * One (kind, id or name) step of a key path. A complete element has either a positive id or a
 * name; an incomplete one (only as the last element of an {@link IncompleteKey}) has neither.
 *
 * <p>Kinds and names are non-empty, at most 1,500 bytes of UTF-8, and do not look like {@code
 * __reserved__}.
 */
public record PathElement(String kind, long id, String name) {

  /** App Engine's limit on the UTF-8 length of a kind or a key name. */
  public static final int MAX_NAME_BYTES = 1500;

  public PathElement {
    validateKind(kind);
    if (name != null) {
      if (id != 0) {
        throw new BadRequestException(
            "key path element of kind '" + kind + "' has both id " + id + " and name '" + name + "'");
      }
      validateName("key name", name);
    } else if (id < 0) {
      throw new BadRequestException(
          "key id " + id + " of kind '" + kind + "' is negative; ids are positive longs");
    }
  }

  public static PathElement of(String kind, long id) {
    if (id <= 0) {
      throw new BadRequestException(
          "key id " + id + " of kind '" + kind + "' is not positive; ids are positive longs");
    }
    return new PathElement(kind, id, null);
  }

  public static PathElement of(String kind, String name) {
    if (name == null) {
      throw new BadRequestException("key name of kind '" + kind + "' is null");
    }
    return new PathElement(kind, 0, name);
  }

  static PathElement incomplete(String kind) {
    return new PathElement(kind, 0, null);
  }

  public boolean hasId() {
    return id != 0;
  }

  public boolean hasName() {
    return name != null;
  }

  public boolean isComplete() {
    return id != 0 || name != null;
  }

  static void validateKind(String kind) {
    if (kind == null) {
      throw new BadRequestException("kind is null");
    }
    validateName("kind", kind);
  }

  /** Checks a kind, key name or property-style name against App Engine's naming rules. */
  static void validateName(String what, String value) {
    if (value.isEmpty()) {
      throw new BadRequestException(what + " is empty");
    }
    // A UTF-16 unit is at most 3 bytes of UTF-8: short names (all of them, in practice) need no
    // count, which spares an array per name for every key and entity read from storage.
    int bytes = value.length() <= MAX_NAME_BYTES / 3
        ? 0
        : value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw new BadRequestException(
          String.format(
              java.util.Locale.ROOT,
              "%s '%s…' is %,d bytes; the limit is %,d",
              what, value.substring(0, 20), bytes, MAX_NAME_BYTES));
    }
    checkWellFormed(what, value);
    if (isReserved(value)) {
      throw new BadRequestException(
          what + " '" + value + "' is reserved: names of the form __x__ belong to the datastore");
    }
  }

  /** Rejects text with an unpaired UTF-16 surrogate, which has no UTF-8 form. */
  public static void checkWellFormed(String what, String value) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new BadRequestException(
            what + " has an unpaired UTF-16 surrogate at index " + i + "; it cannot be UTF-8");
      }
    }
  }

  /** Whether a name has the reserved {@code __x__} shape. */
  public static boolean isReserved(String value) {
    return value.length() >= 4 && value.startsWith("__") && value.endsWith("__");
  }

  @Override
  public String toString() {
    if (name != null) {
      return kind + ":'" + name + "'";
    }
    return id != 0 ? kind + ":" + id : kind + ":?";
  }
}
