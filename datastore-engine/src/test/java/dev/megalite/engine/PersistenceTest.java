package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.BaseKey;
import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a RocksDB store holds after a clean close is exactly what it held before. */
class PersistenceTest {
  private static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;
  private static final List<String> NAMESPACES = List.of("", "tenant-a", "tenant-b");
  private static final List<String> KINDS = List.of("Alpha", "Beta", "Gamma");
  private static final List<String> COLORS = List.of("red", "green", "blue", "white");
  private static final List<String> CITIES = List.of("Oslo", "Bergen", "Tromsø");

  @TempDir Path dir;

  private final Random rnd = new Random(20240229);
  /** The expected contents, in key order. */
  private final TreeMap<Key, Entity> model = new TreeMap<>();
  /** Every key written so far, to pick parents and references from. */
  private final List<Key> written = new ArrayList<>();
  private long counter;

  @Test
  void aReopenedStoreHoldsEveryEntityAndAnswersQueriesAsBefore() {
    List<Key> deleted = new ArrayList<>();
    Map<Query, List<Entity>> before = new LinkedHashMap<>();
    try (MegaliteDatastore ds = Megalite.open(dir)) {
      for (int batch = 0; batch < 40; batch++) {
        List<Entity> es = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          es.add(randomEntity(newKey(ds)));
        }
        for (Entity e : ds.put(es)) {
          model.put(e.completeKey(), e);
          written.add(e.completeKey());
        }
      }
      List<Key> keys = new ArrayList<>(model.keySet());
      Collections.shuffle(keys, rnd);
      for (int from = 0; from < 400; from += 100) {
        List<Entity> overwrites = new ArrayList<>();
        keys.subList(from, from + 100).forEach(k -> overwrites.add(randomEntity(k)));
        ds.put(overwrites).forEach(e -> model.put(e.completeKey(), e));
      }
      deleted.addAll(keys.subList(400, 700));
      ds.delete(deleted);
      deleted.forEach(model::remove);

      for (Query q : queries()) {
        before.put(q, runAll(ds, q));
      }
      assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(1_000);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }

    try (MegaliteDatastore ds = Megalite.open(dir)) {
      List<Key> keys = new ArrayList<>(model.keySet());
      for (int from = 0; from < keys.size(); from += 500) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
        List<Entity> expected = chunk.stream().map(model::get).toList();
        assertThat(ds.get(chunk)).containsExactlyElementsOf(expected);
      }
      assertThat(ds.get(deleted)).hasSize(300).containsOnlyNulls();
      for (String ns : NAMESPACES) {
        List<Entity> inNamespace =
            model.values().stream().filter(e -> e.completeKey().namespace().equals(ns)).toList();
        assertThat(runAll(ds, Query.newBuilder().namespace(ns).build()))
            .as("namespace '%s'", ns)
            .containsExactlyElementsOf(inNamespace);
      }
      for (Map.Entry<Query, List<Entity>> q : before.entrySet()) {
        assertThat(runAll(ds, q.getKey()))
            .as(q.getKey().toString())
            .containsExactlyElementsOf(q.getValue());
      }
      ConsistencyReport report = ds.checkConsistency();
      assertThat(report.problems()).isEmpty();
      assertThat(report.entities()).isEqualTo(model.size());

      Set<Long> ids = new HashSet<>();
      model.keySet().forEach(k -> ids.add(k.id()));
      deleted.forEach(k -> ids.add(k.id()));
      for (String kind : KINDS) {
        for (Key k : ds.allocateIds(ds.newIncompleteKey(kind), 1_000)) {
          assertThat(ids).doesNotContain(k.id());
        }
      }
    }
  }

  private List<Query> queries() {
    List<Query> out = new ArrayList<>();
    Key someRoot = model.firstKey().root();
    for (Key k : model.keySet()) {
      if (k.parent() != null) {
        someRoot = k.root();
        break;
      }
    }
    for (String ns : NAMESPACES) {
      out.add(Query.newBuilder("Alpha").namespace(ns).build());
      out.add(Query.newBuilder("Beta").namespace(ns).filter(Filter.eq("color", "red")).build());
      out.add(Query.newBuilder("Gamma").namespace(ns)
          .filter(Filter.ge("tags", Value.of(5L)))
          .build());
      out.add(Query.newBuilder("Alpha").namespace(ns).orderBy(SortOrder.desc("n")).build());
      out.add(Query.newBuilder("Beta").namespace(ns)
          .filter(Filter.in("tags", Value.of(1L), Value.of(2L)))
          .build());
      out.add(Query.newBuilder("Gamma").namespace(ns)
          .filter(Filter.and(Filter.eq("color", "blue"), Filter.eq("flag", true)))
          .build());
      out.add(Query.newBuilder("Alpha").namespace(ns)
          .filter(Filter.eq("address.city", "Oslo"))
          .build());
      out.add(Query.newBuilder("Beta").namespace(ns)
          .keysOnly()
          .orderBy(SortOrder.asc("score"))
          .build());
      out.add(Query.newBuilder("Gamma").namespace(ns).offset(10).limit(25).build());
      out.add(Query.newBuilder().namespace(ns)
          .filter(Filter.key(Operator.GREATER_THAN, Key.of(PROJECT, ns, "Beta", "m")))
          .limit(200)
          .build());
    }
    out.add(Query.newBuilder().ancestor(someRoot).build());
    return out;
  }

  /** A named, explicit-id, incomplete or child key in a random kind and namespace. */
  private BaseKey newKey(MegaliteDatastore ds) {
    String ns = NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
    String kind = KINDS.get(rnd.nextInt(KINDS.size()));
    int choice = rnd.nextInt(4);
    if (choice == 3 && !written.isEmpty()) {
      Key parent = written.get(rnd.nextInt(written.size()));
      return rnd.nextBoolean() ? parent.child(kind, "c" + (++counter)) : parent.newChild(kind);
    }
    return switch (choice) {
      case 0 -> Key.of(PROJECT, ns, kind, "k" + (++counter));
      case 1 -> Key.of(PROJECT, ns, kind, ++counter);
      default -> IncompleteKey.of(ds.projectId(), ns, kind);
    };
  }

  private Entity randomEntity(BaseKey key) {
    Entity.Builder b = Entity.newBuilder(key)
        .set("n", rnd.nextInt(100))
        .set("color", COLORS.get(rnd.nextInt(COLORS.size())));
    if (rnd.nextInt(3) > 0) {
      List<Value> tags = new ArrayList<>();
      for (int i = rnd.nextInt(4); i >= 0; i--) {
        tags.add(Value.of((long) rnd.nextInt(10)));
      }
      b.set("tags", Value.list(tags));
    }
    if (rnd.nextInt(3) == 0) {
      b.set("score", rnd.nextGaussian());
    }
    if (rnd.nextInt(4) == 0) {
      b.set("flag", rnd.nextBoolean());
    }
    if (rnd.nextInt(5) == 0) {
      b.set("when", Value.timestampMicros(rnd.nextLong(0, 2_000_000_000_000_000L)));
    }
    if (rnd.nextInt(6) == 0) {
      byte[] blob = new byte[rnd.nextInt(3_000)];
      rnd.nextBytes(blob);
      b.set("blob", Value.of(blob).unindexed());
    }
    if (rnd.nextInt(6) == 0) {
      b.set("address", Value.of(Entity.newEmbeddedBuilder()
          .set("city", CITIES.get(rnd.nextInt(CITIES.size())))
          .set("zip", rnd.nextInt(10_000))
          .build()));
    }
    if (rnd.nextInt(8) == 0 && !written.isEmpty()) {
      b.set("ref", written.get(rnd.nextInt(written.size())));
    }
    if (rnd.nextInt(10) == 0) {
      b.setNull("nothing");
    }
    return b.build();
  }

  private static List<Entity> runAll(MegaliteDatastore ds, Query q) {
    List<Entity> out = new ArrayList<>();
    try (QueryResults<Entity> r = ds.run(q)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }
}
