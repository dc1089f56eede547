package dev.megalite.api.model.mapping;

import dev.megalite.api.Value;

/**
 * How one Java type (a field's type, or a collection's element type) becomes a datastore value and
 * back. Stateless and thread-safe; one instance per type.
 */
abstract class Codec {
  private final String typeName;

  Codec(String typeName) {
    this.typeName = typeName;
  }

  /** The Java type as messages name it ({@code int}, {@code Role}, {@code LocalDate}). */
  final String typeName() {
    return typeName;
  }

  /** The value of non-null {@code v}. */
  abstract Value encode(Object v, boolean indexed);

  /** The Java value of {@code v}, which is neither null nor a list. */
  abstract Object decode(Value v) throws Mismatch;

  /**
   * The value a filter compares with {@code v}, or null when {@code v} is not of this type. Numeric
   * types also take other numbers of their family (an {@code Integer} for a {@code long} field).
   */
  Value encodeFilter(Object v) {
    try {
      return encode(v, true);
    } catch (ClassCastException e) {
      return null;
    }
  }

  /** Parses the text of a default value or a choice; null when the type has no text form. */
  Object parse(String text) {
    return null;
  }

  /** Whether values of this type are indexed when neither the field nor its class says. */
  boolean indexedByDefault() {
    return true;
  }

  /** Whether values of this type are never indexed, whatever the annotations say. */
  boolean neverIndexed() {
    return false;
  }

  /** Whether indexed values are limited to 1,500 bytes (strings and byte strings). */
  boolean sizeLimited() {
    return false;
  }

  final Mismatch doesNotFit(Value v) {
    return new Mismatch(Describe.value(v) + " does not fit " + typeName);
  }
}
