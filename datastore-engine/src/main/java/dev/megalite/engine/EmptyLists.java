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
      Value fixed = v;
      if (v instanceof ListValue l && l.values().isEmpty()) {
        fixed = Value.ofNull();
      } else if (v instanceof EntityValue ev) {
        Entity inner = asNulls(ev.value());
        if (inner != ev.value()) {
          fixed = new EntityValue(inner, ev.indexed());
        }
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
}
