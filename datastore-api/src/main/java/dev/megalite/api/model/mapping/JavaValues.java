package dev.megalite.api.model.mapping;

import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Text;
import dev.megalite.api.query.Cursor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Java values of the model's types as datastore values, converted the way a field of that type
 * stores them ({@code Ref} to key, enum to its name, {@code BigDecimal} to its sortable string,
 * {@code LocalDate} to its UTC midnight, an embedded object to an embedded entity): for query
 * filters and GQL bindings.
 */
public final class JavaValues {
  private JavaValues() {}

  /** The value of {@code v} as a field of its type stores it; a collection becomes a list. */
  public static Value toValue(Object v) {
    if (v == null) {
      return Value.ofNull();
    }
    if (v instanceof Value value) {
      return value;
    }
    if (v instanceof Collection<?> c) {
      List<Value> out = new ArrayList<>(c.size());
      for (Object e : c) {
        out.add(toValue(e));
      }
      return new ListValue(out);
    }
    if (v instanceof Enum<?> e) {
      return Value.of(e.name());
    }
    if (v instanceof Ref<?> r) {
      return Value.of(r.key());
    }
    if (v instanceof Text t) {
      return Value.of(t.value());
    }
    Codec codec = codecOf(v.getClass());
    return codec.encode(v, true);
  }

  /**
   * {@code v} as a GQL binding: cursors as they are, collections and arrays as lists of values,
   * everything else as {@link #toValue} converts it.
   */
  public static Object toBinding(Object v) {
    if (v == null || v instanceof Cursor || v instanceof Value) {
      return v;
    }
    if (v instanceof Object[] array) {
      return toBinding(List.of(array));
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object e : c) {
        out.add(toBinding(e));
      }
      return out;
    }
    return toValue(v);
  }

  private static Codec codecOf(Class<?> c) {
    try {
      return Types.resolve(c, "a query value of type " + c.getSimpleName()).codec();
    } catch (BadRequestException e) {
      throw new BadRequestException(e.getMessage(), e);
    }
  }
}
