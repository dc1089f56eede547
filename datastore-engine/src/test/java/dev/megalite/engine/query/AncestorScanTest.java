package dev.megalite.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ancestor queries with a kind read the entity rows under the ancestor, passing over other kinds,
 * and move to the kind index when other kinds dominate. Either way they return the kind's
 * entities under the ancestor (at any depth) in key order, and cursors resume across the two.
 */
class AncestorScanTest {
  static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;

  @TempDir Path dir;

  /**
   * User(1) holds 30 Order children (each with 2 Item children) and {@code logs} Log children,
   * one of which (Log(2)) holds an Order of its own; User(2) holds Orders that must not show.
   * Returns the Orders under User(1) in key order.
   */
  private static List<Key> load(MegaliteDatastore ds, int logs) {
    Key user = Key.of(PROJECT, "User", 1);
    List<Entity> es = new ArrayList<>();
    List<Key> orders = new ArrayList<>();
    es.add(Entity.newBuilder(user).set("name", "u1").build());
    for (int i = 1; i <= logs; i++) {
      es.add(Entity.newBuilder(user.child("Log", i)).set("i", i).build());
    }
    Key nested = user.child("Log", 2).child("Order", 7);
    if (logs >= 2) {
      es.add(Entity.newBuilder(nested).set("n", -1).build());
      orders.add(nested);
    }
    for (int i = 1; i <= 30; i++) {
      Key order = user.child("Order", i);
      orders.add(order);
      es.add(Entity.newBuilder(order).set("n", i).build());
      es.add(Entity.newBuilder(order.child("Item", 1)).set("n", i).build());
      es.add(Entity.newBuilder(order.child("Item", 2)).set("n", i).build());
      es.add(Entity.newBuilder(Key.of(PROJECT, "User", 2).child("Order", i)).set("n", i).build());
    }
    for (int from = 0; from < es.size(); from += 500) {
      ds.put(es.subList(from, Math.min(es.size(), from + 500)));
    }
    return orders;
  }

  private static Query orders() {
    return Query.newBuilder("Order").ancestor(Key.of(PROJECT, "User", 1)).build();
  }

  @Test
  void aKindUnderAnAncestorComesBackInKeyOrderWhetherOtherKindsAreFewOrMany() {
    for (int logs : new int[] {0, 3, 500}) {
      try (MegaliteDatastore ds = Megalite.open(dir.resolve("logs-" + logs))) {
        List<Key> expected = load(ds, logs);
        assertThat(keys(ds, orders())).as(logs + " logs").isEqualTo(expected);
        assertThat(keys(ds, orders().toBuilder().keysOnly().build())).isEqualTo(expected);
        try (QueryResults<Entity> r = ds.run(orders())) {
          r.forEachRemaining(e -> assertThat(e.contains("n")).isTrue());
        }
        Query kindless = Query.newBuilder().ancestor(Key.of(PROJECT, "User", 1).child("Order", 3))
            .build();
        assertThat(keys(ds, kindless)).containsExactly(
            Key.of(PROJECT, "User", 1).child("Order", 3),
            Key.of(PROJECT, "User", 1).child("Order", 3).child("Item", 1),
            Key.of(PROJECT, "User", 1).child("Order", 3).child("Item", 2));
      }
    }
  }

  @Test
  void pagesResumeFromCursorsBeforeAndAfterTheScanMovesToTheKindIndex() {
    for (int logs : new int[] {3, 500}) {
      try (MegaliteDatastore ds = Megalite.open(dir.resolve("pages-" + logs))) {
        List<Key> expected = load(ds, logs);
        for (int page : new int[] {1, 4, 9}) {
          List<Key> got = new ArrayList<>();
          Cursor cursor = null;
          while (true) {
            List<Key> part = new ArrayList<>();
            try (QueryResults<Entity> r =
                ds.run(orders().toBuilder().startCursor(cursor).limit(page).build())) {
              r.forEachRemaining(e -> part.add((Key) e.key()));
              cursor = r.cursorAfter();
            }
            got.addAll(part);
            if (part.size() < page) {
              break;
            }
          }
          assertThat(got).as(logs + " logs, pages of " + page).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void keyFiltersAndOffsetsApplyToTheEntityRowScanAsToTheKindIndex() {
    try (MegaliteDatastore ds = Megalite.open(dir.resolve("keys"))) {
      List<Key> expected = load(ds, 3);
      Key from = Key.of(PROJECT, "User", 1).child("Order", 10);
      Query q = orders().toBuilder()
          .filter(Filter.key(Operator.GREATER_THAN_OR_EQUAL, from))
          .offset(2)
          .limit(5)
          .build();
      int start = expected.indexOf(from) + 2;
      assertThat(keys(ds, q)).isEqualTo(expected.subList(start, start + 5));
    }
  }

  @Test
  void entityRowsAreReadOnceWithoutAFetchAndTheKindIndexOnlyWhenOtherKindsDominate() {
    for (int logs : new int[] {3, 500}) {
      Path path = dir.resolve("reads-" + logs);
      List<Key> expected;
      try (MegaliteDatastore ds = Megalite.open(path)) {
        expected = load(ds, logs);
      }
      try (RocksKeyValueStore store = RocksKeyValueStore.open(path)) {
        RecordingSnapshot s = new RecordingSnapshot(store.snapshot());
        List<Key> got = new ArrayList<>();
        try (SizedQueryResults r =
            QueryExecutor.runOwning(Planner.plan(orders(), PROJECT), s)) {
          r.forEachRemaining(e -> got.add((Key) e.key()));
        }
        assertThat(got).isEqualTo(expected);
        assertThat(s.gets).isZero();
        assertThat(s.iterators).as(logs + " logs").isEqualTo(logs < 64 ? 1 : 2);
        // The run over the entity rows fetched nothing; after the move, the index run did.
        assertThat(s.fetched()).isEqualTo(logs < 64 ? 0 : 30);
      }
    }
  }

  private static List<Key> keys(MegaliteDatastore ds, Query q) {
    List<Key> out = new ArrayList<>();
    try (QueryResults<Entity> r = ds.run(q)) {
      r.forEachRemaining(e -> out.add((Key) e.key()));
    }
    return out;
  }
}
