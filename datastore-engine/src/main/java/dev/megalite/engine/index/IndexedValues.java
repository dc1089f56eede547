package dev.megalite.engine.index;

import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values an entity exposes to the indexes, per property name: lists expanded into their
 * elements, indexed embedded entities flattened into dotted names ({@code address.city}),
 * unindexed values left out. Filters, sorts and the index rows all see an entity through this one
 * view, so they cannot disagree.
 */
public final class IndexedValues {
  private IndexedValues() {}

  /** Property name to its indexed values, in the entity's property order. */
  public static Map<String, List<Value>> of(Entity entity) {
    Map<String, List<Value>> out = new LinkedHashMap<>();
    collect("", entity, out);
    return out;
  }

  /** The indexed values of one property (possibly dotted), empty when it has none. */
  public static List<Value> of(Entity entity, String property) {
    if (property.indexOf('.') >= 0) {
      return of(entity).getOrDefault(property, List.of());
    }
    Value v = entity.get(property);
    if (v == null) {
      return List.of();
    }
    List<Value> out = new ArrayList<>(2);
    add(v, out);
    return out;
  }

  private static void collect(String prefix, Entity entity, Map<String, List<Value>> out) {
    for (Map.Entry<String, Value> e : entity.properties().entrySet()) {
      String name = prefix + e.getKey();
      Value v = e.getValue();
      List<Value> elements = v instanceof ListValue l ? l.values() : List.of(v);
      for (Value x : elements) {
        if (!x.indexed()) {
          continue;
        }
        if (x instanceof EntityValue ev) {
          collect(name + ".", ev.value(), out);
        } else {
          out.computeIfAbsent(name, k -> new ArrayList<>(2)).add(x);
        }
      }
    }
  }

  private static void add(Value v, List<Value> into) {
    if (v instanceof ListValue l) {
      for (Value x : l.values()) {
        if (x.indexed() && !(x instanceof EntityValue)) {
          into.add(x);
        }
      }
    } else if (v.indexed() && !(v instanceof EntityValue)) {
      into.add(v);
    }
  }
}
