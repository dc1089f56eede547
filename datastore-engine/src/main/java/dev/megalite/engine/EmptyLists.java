package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** App Engine's default for empty lists: they are stored as null (also inside embedded ones). */
final class EmptyLists {
  private EmptyLists() {}

  /** {@code entities} with every empty list replaced by null; the same list when there is none. */
  static List<Entity> asNulls(List<Entity> entities) {
    List<Entity> out = null;
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      Entity fixed = e == null ? null : asNulls(e);
      if (fixed != e && out == null) {
        out = new ArrayList<>(entities.subList(0, i));
      }
      if (out != null) {
        out.add(fixed);
      }
    }
    return out == null ? entities : out;
  }

  private static Entity asNulls(Entity e) {
    Entity.Builder b = null;
    for (Map.Entry<String, Value> p : e.properties().entrySet()) {
      Value v = p.getValue();
      Value fixed;
      if (v instanceof ListValue l) {
        fixed = l.values().isEmpty() ? Value.ofNull() : elements(l);
      } else {
        fixed = embedded(v);
      }
      if (fixed != v) {
        if (b == null) {
          b = e.toBuilder();
        }
        b.set(p.getKey(), fixed);
      }
    }
    return b == null ? e : b.build();
  }

  /** The list with empty lists inside its embedded entities replaced; itself when none. */
  private static Value elements(ListValue l) {
    List<Value> out = null;
    for (int i = 0; i < l.values().size(); i++) {
      Value x = l.values().get(i);
      Value fixed = embedded(x);
      if (fixed != x && out == null) {
        out = new ArrayList<>(l.values());
      }
      if (out != null) {
        out.set(i, fixed);
      }
    }
    return out == null ? l : new ListValue(out);
  }

  private static Value embedded(Value v) {
    if (v instanceof EntityValue ev) {
      Entity inner = asNulls(ev.value());
      if (inner != ev.value()) {
        return new EntityValue(inner, ev.indexed());
      }
    }
    return v;
  }
}
