package dev.megalite.api.model.mapping;

import dev.megalite.api.Key;
import dev.megalite.api.model.Ref;

/** The {@code @Id} or {@code @Parent} field of an entity class, and the type it holds. */
final class KeyPart {
  /** What the field holds. */
  enum Kind {
    /** {@code long}: 0 means "allocate". */
    PRIMITIVE_LONG,
    /** {@code Long}: null (or 0) means "allocate". */
    LONG,
    /** {@code String}: the key name. */
    STRING,
    /** {@code Key}: the parent. */
    KEY,
    /** {@code Ref<P>}: the typed parent. */
    REF
  }

  final Slot slot;
  final Kind kind;
  /** For {@link Kind#REF}: the parent's class. */
  final Class<?> refType;
  final String refKind;

  KeyPart(Slot slot, Kind kind, Class<?> refType) {
    this.slot = slot;
    this.kind = kind;
    this.refType = refType;
    this.refKind = refType == null ? null : ClassMapping.kindOf(refType);
  }

  /** The parent key held by a {@code @Parent} field value. */
  Key parentKey(Object fieldValue) {
    if (fieldValue == null) {
      return null;
    }
    return kind == Kind.REF ? ((Ref<?>) fieldValue).key() : (Key) fieldValue;
  }

  /** The {@code @Parent} field value of {@code parent}. */
  Object parentValue(Key parent) {
    if (parent == null || kind == Kind.KEY) {
      return parent;
    }
    return Ref.of(refType, parent);
  }
}
