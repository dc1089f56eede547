package dev.megalite.benchmarks;

import com.google.cloud.Timestamp;
import com.google.cloud.datastore.PathElement;
import com.google.cloud.datastore.StringValue;
import dev.megalite.api.BooleanValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import java.util.ArrayList;
import java.util.List;

/** The benchmark workloads' keys and entities as the official Cloud Datastore Java client's. */
final class ClientEntities {
  private ClientEntities() {}

  static com.google.cloud.datastore.Key toClient(Key k) {
    List<PathElement> ancestors = new ArrayList<>();
    for (dev.megalite.api.PathElement e : k.path().subList(0, k.path().size() - 1)) {
      ancestors.add(e.hasId() ? PathElement.of(e.kind(), e.id()) : PathElement.of(e.kind(), e.name()));
    }
    com.google.cloud.datastore.Key.Builder b = k.hasId()
        ? com.google.cloud.datastore.Key.newBuilder(k.project(), k.kind(), k.id())
        : com.google.cloud.datastore.Key.newBuilder(k.project(), k.kind(), k.name());
    return b.addAncestors(ancestors).build();
  }

  /** The workload's entity as the client's: the value types the workload uses. */
  static com.google.cloud.datastore.Entity toClient(Entity e) {
    com.google.cloud.datastore.Entity.Builder b =
        com.google.cloud.datastore.Entity.newBuilder(toClient(e.completeKey()));
    e.properties().forEach((name, v) -> b.set(name, toClient(v)));
    return b.build();
  }

  static com.google.cloud.datastore.Value<?> toClient(Value v) {
    com.google.cloud.datastore.Value<?> out;
    if (v instanceof ListValue l) {
      List<com.google.cloud.datastore.Value<?>> values = new ArrayList<>();
      l.values().forEach(x -> values.add(toClient(x)));
      return com.google.cloud.datastore.ListValue.of(values);
    } else if (v instanceof dev.megalite.api.StringValue s) {
      out = StringValue.newBuilder(s.value()).setExcludeFromIndexes(!s.indexed()).build();
    } else if (v instanceof IntegerValue i) {
      out = com.google.cloud.datastore.LongValue.of(i.value());
    } else if (v instanceof DoubleValue d) {
      out = com.google.cloud.datastore.DoubleValue.of(d.value());
    } else if (v instanceof BooleanValue bv) {
      out = com.google.cloud.datastore.BooleanValue.of(bv.value());
    } else if (v instanceof TimestampValue t) {
      out = com.google.cloud.datastore.TimestampValue.of(Timestamp.ofTimeMicroseconds(t.micros()));
    } else {
      throw new IllegalArgumentException("the workload has no " + v.type() + " values");
    }
    return out;
  }
}
