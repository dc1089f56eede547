package dev.megalite.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.MoreResults;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.kv.WriteBatch;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query runs read candidates ahead in batches ({@link ReadAhead}) and fetch entity rows with one
 * multi-get per batch. These tests put limits, offsets, cursors, union duplicates and stale index
 * rows on and around the batch boundaries (batches of 8, 16, 32, …, 256), on RocksDB, and count
 * what a run reads through a snapshot that records its calls.
 */
class QueryReadAheadTest {
  static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;
  static final int N = 600;
  /** Candidate counts around the batch boundaries (cumulative: 8, 24, 56, 120, 248, 504). */
  static final int[] EDGES = {1, 7, 8, 9, 23, 24, 25, 56, 57, 247, 248, 249, 503, 504, 505};

  @TempDir static Path dir;
  static MegaliteDatastore ds;

  @BeforeAll
  static void load() {
    ds = Megalite.open(dir.resolve("db"));
    List<Entity> batch = new ArrayList<>();
    for (int i = 1; i <= N; i++) {
      batch.add(Entity.newBuilder(ds.newKey("Item", i))
          .set("n", i)
          .set("even", i % 2 == 0)
          .set("third", i % 3 == 0)
          .set("small", i % 150)
          .set("tags", Value.of(i % 5), Value.of(i % 7))
          .build());
      if (batch.size() == 500 || i == N) {
        ds.put(batch);
        batch.clear();
      }
    }
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @Test
  void offsetsAndLimitsOnAndAroundBatchBoundariesReturnTheRightSlice() {
    List<Long> byKey = ids(i -> true);
    List<Long> byNDesc = new ArrayList<>(byKey);
    byNDesc.sort(Comparator.reverseOrder());
    Query kind = Query.newBuilder("Item").build();
    Query desc = Query.newBuilder("Item").orderBy(SortOrder.desc("n")).build();
    for (int offset : new int[] {0, 1, 7, 8, 9, 24, 247, 248, 249, 599, 600}) {
      for (int limit : new int[] {1, 7, 8, 9, 16, 17, 300, -1}) {
        checkSlice(kind, byKey, offset, limit);
        checkSlice(desc, byNDesc, offset, limit);
        checkSlice(kind.toBuilder().keysOnly().build(), byKey, offset, limit);
      }
    }
  }

  private static void checkSlice(Query q, List<Long> all, int offset, int limit) {
    Query sliced = q.toBuilder().offset(offset).limit(limit).build();
    int from = Math.min(offset, all.size());
    int to = limit < 0 ? all.size() : Math.min(all.size(), from + limit);
    try (QueryResults<Entity> r = ds.run(sliced)) {
      List<Long> got = drain(r);
      String what = "offset " + offset + ", limit " + limit + ": " + q;
      assertThat(got).as(what).isEqualTo(all.subList(from, to));
      assertThat(r.skippedResults()).as(what).isEqualTo(from);
      assertThat(r.moreResults()).as(what).isEqualTo(got.size() == limit
          ? MoreResults.MORE_RESULTS_AFTER_LIMIT : MoreResults.NO_MORE_RESULTS);
    }
  }

  @Test
  void pagesResumedFromCursorsInsideAndAcrossBatchesCoverEveryResultOnce() {
    Query q = Query.newBuilder("Item").orderBy(SortOrder.desc("tags")).build();
    // Descending on a multi-valued property: each entity once, under its largest value.
    List<Long> expected = new ArrayList<>(ids(i -> true));
    expected.sort(Comparator.<Long>comparingLong(i -> Math.max(i % 5, i % 7)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int page : new int[] {1, 7, 8, 9, 25, 255, 256, 257}) {
      assertThat(inPages(q, page)).as("pages of " + page).isEqualTo(expected);
    }
  }

  @Test
  void descendingScansReturnRunsShortAndLongInValueThenKeyOrderAcrossPages() {
    // Runs of 1 (n), 4 (small), 300 (even, past the scan's run buffer) and ~200 (tags) rows.
    Comparator<Long> byKey = Comparator.naturalOrder();
    Map<String, Comparator<Long>> orders = Map.of(
        "n", Comparator.<Long>reverseOrder(),
        "small", Comparator.<Long>comparingLong(i -> i % 150).reversed().thenComparing(byKey),
        "even",
        Comparator.<Long, Boolean>comparing(i -> i % 2 == 0).reversed().thenComparing(byKey),
        "tags", Comparator.<Long>comparingLong(i -> Math.max(i % 5, i % 7)).reversed()
            .thenComparing(byKey));
    for (Map.Entry<String, Comparator<Long>> o : orders.entrySet()) {
      Query q = Query.newBuilder("Item").orderBy(SortOrder.desc(o.getKey())).build();
      List<Long> expected = new ArrayList<>(ids(i -> true));
      expected.sort(o.getValue());
      checkPages(q, expected);
    }
    Query excluding = Query.newBuilder("Item")
        .filter(Filter.ne("small", Value.of(148)))
        .orderBy(SortOrder.desc("small"))
        .build();
    List<Long> expected = new ArrayList<>(ids(i -> i % 150 != 148));
    expected.sort(Comparator.<Long>comparingLong(i -> i % 150).reversed()
        .thenComparing(Comparator.naturalOrder()));
    checkPages(excluding, expected);
  }

  private static void checkPages(Query q, List<Long> expected) {
    try (QueryResults<Entity> r = ds.run(q)) {
      assertThat(drain(r)).as(q.toString()).isEqualTo(expected);
    }
    for (int page : new int[] {3, 5, 65}) {
      assertThat(inPages(q, page)).as(q + " in pages of " + page).isEqualTo(expected);
    }
  }

  /**
   * Every result of {@code q}, read in pages of {@code page} results, each page resumed from the
   * previous page's cursor; the last (short) page must say there are no more results.
   */
  private static List<Long> inPages(Query q, int page) {
    List<Long> got = new ArrayList<>();
    Cursor cursor = null;
    while (true) {
      Query next = q.toBuilder().startCursor(cursor).limit(page).build();
      try (QueryResults<Entity> r = ds.run(next)) {
        List<Long> part = drain(r);
        got.addAll(part);
        cursor = r.cursorAfter();
        if (part.size() < page) {
          assertThat(r.moreResults()).isEqualTo(MoreResults.NO_MORE_RESULTS);
          return got;
        }
      }
    }
  }

  @Test
  void anEndCursorInsideOrAtTheEdgeOfABatchEndsTheRunThere() {
    Query q = Query.newBuilder("Item").filter(Filter.eq("even", true)).build();
    List<Long> evens = ids(i -> i % 2 == 0);
    for (int end : EDGES) {
      if (end >= evens.size()) {
        continue;
      }
      Cursor endCursor = cursorAfter(q, end);
      for (int start : new int[] {0, 1, 7, 8, 9}) {
        if (start > end) {
          continue;
        }
        Query window = q.toBuilder()
            .startCursor(start == 0 ? null : cursorAfter(q, start))
            .endCursor(endCursor)
            .build();
        try (QueryResults<Entity> r = ds.run(window)) {
          assertThat(drain(r)).as("from " + start + " to " + end)
              .isEqualTo(evens.subList(start, end));
          assertThat(r.moreResults()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_CURSOR);
          assertThat(r.cursorAfter()).isEqualTo(endCursor);
        }
      }
    }
  }

  @Test
  void unionDuplicatesAcrossBatchBoundariesAreReturnedOnce() {
    Query or = Query.newBuilder("Item")
        .filter(Filter.or(Filter.eq("even", true), Filter.eq("third", true)))
        .build();
    Query in = Query.newBuilder("Item").filter(Filter.in("tags", Value.of(1), Value.of(2))).build();
    List<Long> orExpected = ids(i -> i % 2 == 0 || i % 3 == 0);
    List<Long> inExpected =
        ids(i -> i % 5 == 1 || i % 5 == 2 || i % 7 == 1 || i % 7 == 2);
    for (Query q : List.of(or, in, or.toBuilder().keysOnly().build())) {
      List<Long> expected = q == in ? inExpected : orExpected;
      try (QueryResults<Entity> r = ds.run(q)) {
        assertThat(drain(r)).as(q.toString()).isEqualTo(expected);
      }
      for (int edge : EDGES) {
        // Skip up to the edge with an offset, then take the next batch's worth.
        int from = Math.min(edge, expected.size());
        try (QueryResults<Entity> r = ds.run(q.toBuilder().offset(edge).limit(20).build())) {
          assertThat(drain(r)).as(q + " from " + edge)
              .isEqualTo(expected.subList(from, Math.min(expected.size(), from + 20)));
          assertThat(r.skippedResults()).isEqualTo(from);
        }
      }
    }
  }

  @Test
  void aProjectionWithDistinctKeepsItsStateAcrossBatches() {
    Query q = Query.newBuilder("Item").projection("tags").distinctOn("tags").build();
    try (QueryResults<Entity> r = ds.run(q)) {
      List<Value> got = new ArrayList<>();
      r.forEachRemaining(e -> got.add(e.get("tags")));
      assertThat(got)
          .containsExactly(IntStream.range(0, 7).mapToObj(Value::of).toArray(Value[]::new));
    }
  }

  @Test
  void aResultStreamClosedAfterAFewResultsResumesFromItsCursor() {
    Query q = Query.newBuilder("Item").filter(Filter.eq("third", true)).build();
    Cursor after3;
    try (QueryResults<Entity> r = ds.run(q)) {
      for (int i = 0; i < 3; i++) {
        r.next();
      }
      after3 = r.cursorAfter();
    }
    try (QueryResults<Entity> r = ds.run(q.toBuilder().startCursor(after3).limit(2).build())) {
      assertThat(drain(r)).containsExactly(12L, 15L);
    }
  }

  // ---- what a run reads, through a recording snapshot over RocksDB ----

  @Test
  void keysOnlyAndProjectionRunsFetchNoEntityRow() {
    withStore(store -> {
      for (Query q : List.of(
          Query.newBuilder("Item").keysOnly().build(),
          Query.newBuilder("Item").filter(Filter.eq("even", true)).keysOnly().build(),
          Query.newBuilder("Item").projection("n").build(),
          Query.newBuilder("Item").orderBy(SortOrder.desc("n")).projection("n").offset(9)
              .build())) {
        RecordingSnapshot s = new RecordingSnapshot(store.snapshot());
        try (SizedQueryResults r = run(q, s)) {
          assertThat(drainCount(r)).as(q.toString()).isGreaterThan(100);
        }
        assertThat(s.gets).as(q.toString()).isZero();
        assertThat(s.fetched()).as(q.toString()).isZero();
      }
    });
  }

  @Test
  void smallLimitsFetchOnlyWhatTheyReturn() {
    withStore(store -> {
      for (int limit : new int[] {1, 2, 20}) {
        for (int offset : new int[] {0, 3}) {
          RecordingSnapshot s = new RecordingSnapshot(store.snapshot());
          Query q = Query.newBuilder("Item").filter(Filter.eq("even", true))
              .offset(offset).limit(limit).build();
          try (SizedQueryResults r = run(q, s)) {
            assertThat(drainCount(r)).isEqualTo(limit);
          }
          assertThat(s.gets).isZero();
          assertThat(s.fetched()).as("offset " + offset + ", limit " + limit)
              .isEqualTo(offset + limit);
        }
      }
    });
  }

  @Test
  void aRunStoppedEarlyReadsOneSmallBatchAndClosesEverything() {
    withStore(store -> {
      RecordingSnapshot s = new RecordingSnapshot(store.snapshot());
      SizedQueryResults r = run(Query.newBuilder("Item").build(), s);
      for (int i = 0; i < 3; i++) {
        r.next();
      }
      assertThat(s.fetched()).isEqualTo(ReadAhead.FIRST_BATCH);
      assertThat(s.openIterators).isPositive();
      r.close();
      assertThat(s.openIterators).isZero();
      assertThat(s.closed).isTrue();
    });
  }

  @Test
  void aFullScanFetchesInDoublingBatchesOfAtMostTheMaximum() {
    withStore(store -> {
      RecordingSnapshot s = new RecordingSnapshot(store.snapshot());
      try (SizedQueryResults r = run(Query.newBuilder("Item").build(), s)) {
        assertThat(drainCount(r)).isEqualTo(N);
      }
      assertThat(s.batches).containsExactly(8, 16, 32, 64, 128, 256, 96);
      assertThat(s.gets).isZero();
      assertThat(s.closed).isTrue();
    });
  }

  @Test
  void staleIndexRowsAreSkippedByEntityQueriesWithoutCountingAsSkippedResults() {
    Path copy = dir.resolve("stale");
    try (MegaliteDatastore other = Megalite.open(copy)) {
      for (int i = 1; i <= 40; i++) {
        other.put(Entity.newBuilder(other.newKey("Item", i)).set("even", i % 2 == 0).build());
      }
    }
    // Entity rows gone, index rows left: 8 and 9 sit on the first batch boundary.
    try (RocksKeyValueStore store = RocksKeyValueStore.open(copy)) {
      try (WriteBatch b = store.newWriteBatch()) {
        for (long id : new long[] {8, 9, 24, 25}) {
          b.delete(RowKeys.entity(Key.of(PROJECT, "Item", id)));
        }
        store.write(b, true);
      }
      List<Long> live = new ArrayList<>();
      for (long i = 1; i <= 40; i++) {
        if (i != 8 && i != 9 && i != 24 && i != 25) {
          live.add(i);
        }
      }
      Query q = Query.newBuilder("Item").offset(7).limit(10).build();
      try (SizedQueryResults r = run(q, store.snapshot())) {
        assertThat(drain(r)).isEqualTo(live.subList(7, 17));
        assertThat(r.skippedResults()).isEqualTo(7);
      }
      Query evens = Query.newBuilder("Item").filter(Filter.eq("even", true)).build();
      try (SizedQueryResults r = run(evens, store.snapshot())) {
        assertThat(drain(r)).isEqualTo(live.stream().filter(i -> i % 2 == 0).toList());
      }
      // Keys-only runs answer from the index alone, so they still list the stale rows' keys.
      try (SizedQueryResults r = run(q.toBuilder().keysOnly().build(), store.snapshot())) {
        assertThat(drain(r)).containsExactly(8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
      }
    }
  }

  // ---- helpers ----

  private static List<Long> ids(IntPredicate p) {
    return IntStream.rangeClosed(1, N).filter(p).mapToObj(i -> (long) i).toList();
  }

  private static List<Long> drain(QueryResults<Entity> r) {
    List<Long> out = new ArrayList<>();
    r.forEachRemaining(e -> out.add(((Key) e.key()).id()));
    return out;
  }

  private static int drainCount(QueryResults<Entity> r) {
    int n = 0;
    while (r.hasNext()) {
      r.next();
      n++;
    }
    return n;
  }

  private static Cursor cursorAfter(Query q, int results) {
    try (QueryResults<Entity> r = ds.run(q.toBuilder().limit(results).build())) {
      assertThat(drain(r)).hasSize(results);
      return r.cursorAfter();
    }
  }

  private static SizedQueryResults run(Query q, Snapshot snapshot) {
    return QueryExecutor.runOwning(Planner.plan(q, PROJECT), snapshot);
  }

  /** Closes the shared datastore, runs {@code body} on its RocksDB directory, and reopens it. */
  private static void withStore(java.util.function.Consumer<RocksKeyValueStore> body) {
    ds.close();
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir.resolve("db"))) {
      body.accept(store);
    } finally {
      ds = Megalite.open(dir.resolve("db"));
    }
  }
}
