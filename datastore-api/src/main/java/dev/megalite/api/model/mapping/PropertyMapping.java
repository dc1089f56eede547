package dev.megalite.api.model.mapping;

import dev.megalite.api.ListValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.ValidationException;
import dev.megalite.api.model.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One mapped property: its field, stored name and older names, the codec of its type (of its
 * elements, for a collection), whether it is indexed, and its checks. Immutable.
 */
final class PropertyMapping {
  /** App Engine's limit on indexed strings and byte strings. */
  static final int MAX_INDEXED_BYTES = 1500;

  final String modelName;
  final Slot slot;
  final String name;
  final String[] alsoLoad;
  final Codec codec;
  /** Makes an empty collection of the field's type; null for a single-valued field. */
  final Supplier<Collection<Object>> collection;
  /** The value a primitive field gets when nothing is stored (0, false); null otherwise. */
  final Object primitiveZero;
  final boolean indexed;
  final boolean required;
  final Object defaultValue;
  final List<Object> choices;
  final String choicesText;
  final Validator<Object> validator;
  private final Value nullValue;

  PropertyMapping(
      String modelName,
      Slot slot,
      String name,
      String[] alsoLoad,
      Codec codec,
      Supplier<Collection<Object>> collection,
      Object primitiveZero,
      boolean indexed,
      boolean required,
      Object defaultValue,
      List<Object> choices,
      Validator<Object> validator) {
    this.modelName = modelName;
    this.slot = slot;
    this.name = name;
    this.alsoLoad = alsoLoad;
    this.codec = codec;
    this.collection = collection;
    this.primitiveZero = primitiveZero;
    this.indexed = indexed;
    this.required = required;
    this.defaultValue = defaultValue;
    this.choices = choices;
    this.choicesText = choices == null ? null : choicesText(choices);
    this.validator = validator;
    this.nullValue = new NullValue(indexed);
  }

  private static String choicesText(List<Object> choices) {
    List<String> shown = new ArrayList<>(choices.size());
    for (Object c : choices) {
      shown.add(String.valueOf(c));
    }
    return shown.toString();
  }

  String field() {
    return slot.name();
  }

  /** The stored value of field value {@code v} (which passed {@link #validate}). */
  Value encode(Object v) {
    try {
      if (collection == null) {
        return v == null ? nullValue : codec.encode(v, indexed);
      }
      if (v == null) {
        return new ListValue(List.of());
      }
      Collection<?> c = (Collection<?>) v;
      List<Value> out = new ArrayList<>(c.size());
      for (Object e : c) {
        out.add(e == null ? nullValue : codec.encode(e, indexed));
      }
      return new ListValue(out);
    } catch (ValidationException e) {
      throw e;
    } catch (BadRequestException e) {
      throw fail(v, "cannot be stored: " + e.getMessage());
    }
  }

  /** Checks {@code v} against required, choices, the validator and the indexed size limit. */
  void validate(Object v) {
    if (required && isEmpty(v)) {
      throw fail(v, v == null ? "is missing, but the property is required"
          : "is empty, but the property is required");
    }
    if (v == null) {
      return;
    }
    if (collection == null) {
      checkOne(v);
    } else {
      for (Object e : (Collection<?>) v) {
        if (e != null) {
          checkOne(e);
        }
      }
    }
  }

  private static boolean isEmpty(Object v) {
    return v == null
        || v instanceof String s && s.isEmpty()
        || v instanceof Collection<?> c && c.isEmpty();
  }

  private void checkOne(Object e) {
    if (choices != null && !choices.contains(e)) {
      throw fail(e, "is not one of " + choicesText);
    }
    if (validator != null) {
      String rule = validator.check(e);
      if (rule != null) {
        throw fail(e, rule);
      }
    }
    if (indexed && codec.sizeLimited()) {
      int bytes = e instanceof String s ? utf8Length(s) : ((byte[]) e).length;
      if (bytes > MAX_INDEXED_BYTES) {
        throw fail(e, String.format(Locale.ROOT,
            "is %,d bytes long; indexed values are limited to %,d bytes (use Text, or @Unindex)",
            bytes, MAX_INDEXED_BYTES));
      }
    }
  }

  private static int utf8Length(String s) {
    if (s.length() * 3 <= MAX_INDEXED_BYTES) {
      return s.length();
    }
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  ValidationException fail(Object value, String rule) {
    return new ValidationException(modelName, field(), Describe.java(value), rule);
  }

  /** The field value of stored value {@code v}. */
  Object decode(Value v) throws Mismatch {
    if (collection == null) {
      if (codec == Codecs.VALUE) {
        return v;
      }
      if (v instanceof NullValue) {
        if (primitiveZero != null) {
          throw new Mismatch("null does not fit " + codec.typeName());
        }
        return null;
      }
      if (v instanceof ListValue) {
        throw new Mismatch(Describe.value(v) + " does not fit " + codec.typeName()
            + "; declare the field as a List or a Set");
      }
      return codec.decode(v);
    }
    Collection<Object> out = collection.get();
    if (v instanceof NullValue) {
      return out;
    }
    if (v instanceof ListValue l) {
      for (Value e : l.values()) {
        out.add(e instanceof NullValue && codec != Codecs.VALUE ? null : codec.decode(e));
      }
      return out;
    }
    out.add(codec.decode(v));
    return out;
  }

  /** What a field gets when its property is missing: the default, an empty collection, 0, null. */
  Object missing() {
    if (defaultValue != null) {
      return defaultValue;
    }
    if (collection != null) {
      return collection.get();
    }
    return primitiveZero;
  }
}
