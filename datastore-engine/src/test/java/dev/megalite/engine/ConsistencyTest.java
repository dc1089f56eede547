package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated eventual consistency ({@code MegaliteOptions.consistency}) on RocksDB: what global
 * queries see of unapplied writes, and every way a group rolls forward. The roll-forward clock is
 * a counter the tests move, so nothing here depends on timing but the one real-clock test, which
 * only waits for visibility.
 */
class ConsistencyTest {
  private static final Duration DELAY = Duration.ofSeconds(1);
  private static final Query ITEMS = Query.newBuilder("Item").build();

  @TempDir Path dir;

  private final AtomicLong clock = new AtomicLong();
  private final List<MegaliteDatastore> opened = new ArrayList<>();
  private MegaliteDatastore ds;

  private MegaliteDatastore open(double p, long seed) {
    return open(p, seed, "db");
  }

  private MegaliteDatastore open(double p, long seed, String name) {
    ds = Megalite.open(MegaliteOptions.newBuilder()
        .dataDir(dir.resolve(name))
        .consistency(p)
        .consistencySeed(seed)
        .rollForwardDelay(DELAY)
        .consistencyTicker(clock::get)
        .build());
    opened.add(ds);
    return ds;
  }

  @AfterEach
  void checkAndClose() {
    for (MegaliteDatastore d : opened) {
      assertThat(d.checkConsistency().problems()).isEmpty();
      d.close();
    }
  }

  /** Moves the clock past the delay: the next global query or commit rolls every group forward. */
  private void settle() {
    clock.addAndGet(DELAY.toNanos() + 1);
  }

  private Key item(String name) {
    return ds.newKey("Item", name);
  }

  private Entity put(String name, long n, String tag) {
    return ds.put(Entity.newBuilder(item(name)).set("n", n).set("tag", tag).build());
  }

  /** "name=n" for each result of {@code q}, in order. */
  private List<String> seen(Query q) {
    List<String> out = new ArrayList<>();
    try (QueryResults<Entity> r = ds.run(q)) {
      while (r.hasNext()) {
        Entity e = r.next();
        Key k = e.completeKey();
        out.add(k.name() + (e.contains("n") ? "=" + e.getLong("n") : ""));
      }
    }
    return out;
  }

  private Value count(Query q) {
    return ds.runAggregation(AggregationQuery.of(q, Aggregation.count().as("n"))).get("n");
  }

  @Test
  void aGlobalQueryDoesNotSeeAnUnappliedNewEntity() {
    open(0.0, 1);
    put("a", 1, "x");
    settle();
    put("b", 2, "x");

    assertThat(seen(ITEMS)).containsExactly("a=1");
    assertThat(seen(ITEMS.toBuilder().keysOnly().build())).containsExactly("a");
    assertThat(seen(ITEMS.toBuilder().filter(Filter.eq("tag", "x")).build()))
        .containsExactly("a=1");
    assertThat(count(ITEMS)).isEqualTo(Value.of(1L));
    try (QueryResults<Entity> r = ds.gql(GqlDialect.APP_ENGINE, "SELECT * FROM Item", Map.of())) {
      assertThat(r.next().completeKey().name()).isEqualTo("a");
      assertThat(r.hasNext()).isFalse();
    }
  }

  @Test
  void anUpdatedEntityIsReturnedWithItsOldValuesAndMatchedByItsOldIndexValues() {
    open(0.0, 1);
    put("a", 1, "x");
    put("b", 5, "x");
    put("c", 9, "x");
    settle();
    put("b", 20, "y");
    put("c", 0, "x");

    assertThat(seen(ITEMS.toBuilder().orderBy(SortOrder.desc("n")).build()))
        .containsExactly("c=9", "b=5", "a=1");
    assertThat(seen(ITEMS.toBuilder().orderBy(SortOrder.asc("n")).build()))
        .containsExactly("a=1", "b=5", "c=9");
    assertThat(seen(ITEMS.toBuilder().filter(Filter.eq("n", 20)).build())).isEmpty();
    assertThat(seen(ITEMS.toBuilder().filter(Filter.eq("n", 5)).build())).containsExactly("b=5");
    // A composite index (equality on tag, descending sort on n), built by this very query.
    assertThat(seen(ITEMS.toBuilder().filter(Filter.eq("tag", "x"))
        .orderBy(SortOrder.desc("n")).build()))
        .containsExactly("c=9", "b=5", "a=1");
    assertThat(seen(ITEMS.toBuilder().filter(Filter.eq("tag", "y")).build())).isEmpty();
    assertThat(seen(ITEMS.toBuilder().projection("n").orderBy(SortOrder.desc("n")).build()))
        .containsExactly("c=9", "b=5", "a=1");
  }

  @Test
  void aDeletedEntityIsStillReturnedByAGlobalQuery() {
    open(0.0, 1);
    put("a", 1, "x");
    settle();
    ds.delete(item("a"));

    assertThat(seen(ITEMS)).containsExactly("a=1");
    assertThat(ds.get(item("a"))).isNull();
    assertThat(seen(ITEMS)).isEmpty();
  }

  @Test
  void aGetOrLookupOfAnyKeyOfTheGroupRollsItForward() {
    open(0.0, 1);
    Key shelf = ds.newKey("Shelf", "s");
    Key other = ds.newKey("Shelf", "t");
    ds.put(Entity.newBuilder(shelf).build());
    ds.put(Entity.newBuilder(other).build());
    settle();
    ds.put(Entity.newBuilder(shelf.child("Item", "a")).set("n", 1).build());
    ds.put(Entity.newBuilder(other.child("Item", "b")).set("n", 2).build());
    assertThat(seen(ITEMS)).isEmpty();

    ds.get(shelf); // the root, not the new entity: any key of the group will do
    assertThat(seen(ITEMS)).containsExactly("a=1");
    ds.lookup(List.of(other.child("Item", "zzz")));
    assertThat(seen(ITEMS)).containsExactly("a=1", "b=2");
  }

  @Test
  void anAncestorQuerySeesTheWriteAtOnceAndRollsTheGroupForward() {
    open(0.0, 1);
    Key shelf = ds.newKey("Shelf", "s");
    ds.put(Entity.newBuilder(shelf.child("Item", "a")).set("n", 1).build());
    assertThat(seen(ITEMS)).isEmpty();

    assertThat(seen(ITEMS.toBuilder().ancestor(shelf).build())).containsExactly("a=1");
    assertThat(seen(ITEMS)).containsExactly("a=1");
  }

  @Test
  void aTransactionTouchingTheGroupRollsItForwardAndItsOwnCommitCanBeUnapplied() {
    open(0.0, 1);
    put("a", 1, "x");
    try (Transaction txn = ds.newTransaction()) {
      assertThat(txn.get(item("a")).getLong("n")).isEqualTo(1);
      txn.rollback();
    }
    assertThat(seen(ITEMS)).containsExactly("a=1");

    ds.runInTransaction(txn -> txn.put(Entity.newBuilder(item("a")).set("n", 2).build()));
    assertThat(seen(ITEMS)).containsExactly("a=1");
  }

  @Test
  void theRollForwardDelayMakesAWriteVisibleWithoutAnyRead() {
    open(0.0, 1);
    put("a", 1, "x");
    clock.addAndGet(DELAY.toNanos() - 1);
    assertThat(seen(ITEMS)).isEmpty();
    clock.addAndGet(1);
    assertThat(seen(ITEMS)).containsExactly("a=1");
  }

  @Test
  void aLaterUnappliedWriteKeepsTheGroupAsItWasAndALaterAppliedOneShowsEverything() {
    long seed = 3;
    open(0.5, seed);
    // One draw per (commit, group): the same sequence tells which of these puts are applied.
    Random draws = new Random(seed);
    List<Boolean> applied = new ArrayList<>();
    String lastApplied = null;
    for (int i = 1; i <= 16; i++) {
      put("a", i, "x");
      boolean now = draws.nextDouble() < 0.5;
      applied.add(now);
      if (now) {
        lastApplied = "a=" + i;
      }
      assertThat(seen(ITEMS)).as("after put %d", i)
          .isEqualTo(lastApplied == null ? List.of() : List.of(lastApplied));
    }
    assertThat(applied).contains(true, false);
  }

  @Test
  void withHalfConsistencyAFixedSeedHidesSomeGroupsAndNotOthersTheSameWayEveryRun() {
    List<List<String>> runs = new ArrayList<>();
    for (String name : List.of("first", "second")) {
      open(0.5, 42, name);
      for (int i = 0; i < 40; i++) {
        put("g" + i, i, "x");
      }
      runs.add(seen(ITEMS.toBuilder().keysOnly().build()));
    }
    assertThat(runs.get(0)).hasSizeBetween(1, 39).isEqualTo(runs.get(1));
  }

  @Test
  void theInMemoryStoreHidesUnappliedWritesToo() {
    ds = Megalite.open(MegaliteOptions.newBuilder().inMemory().consistency(0.0).build());
    opened.add(ds);
    put("a", 1, "x");
    assertThat(seen(ITEMS)).isEmpty();
    assertThat(ds.get(item("a"))).isNotNull();
    assertThat(seen(ITEMS)).containsExactly("a=1");
  }

  @Test
  void withFullConsistencyEveryWriteIsVisibleAtOnce() {
    open(1.0, 1);
    put("a", 1, "x");
    put("a", 2, "y");
    put("b", 3, "x");
    assertThat(seen(ITEMS)).containsExactly("a=2", "b=3");
    assertThat(count(ITEMS.toBuilder().filter(Filter.eq("tag", "x")).build()))
        .isEqualTo(Value.of(1L));
  }

  @Test
  void concurrentCommitsReadsAndGlobalQueriesNeverTripOverAClosedSnapshot() throws Exception {
    open(0.5, 9);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int writer = t;
        work.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            put("w" + writer + "-" + i % 20, i, i % 2 == 0 ? "x" : "y");
            if (i % 7 == 0) {
              ds.get(item("w" + writer + "-" + (i * 3) % 20));
            }
          }
        }));
      }
      for (int t = 0; t < 3; t++) {
        boolean descending = t % 2 == 0;
        work.add(pool.submit(() -> {
          for (int i = 0; i < 150; i++) {
            clock.addAndGet(DELAY.toNanos() / 20);
            seen(ITEMS.toBuilder().filter(Filter.eq("tag", "x"))
                .orderBy(descending ? SortOrder.desc("n") : SortOrder.asc("n")).build());
            count(ITEMS);
          }
        }));
      }
      for (Future<?> f : work) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    settle();
    assertThat(count(ITEMS)).isEqualTo(Value.of(60L));
  }

  @Test
  void withTheRealClockAHiddenWriteBecomesVisibleWithinTheDelay() throws InterruptedException {
    ds = Megalite.open(MegaliteOptions.newBuilder()
        .dataDir(dir.resolve("db"))
        .consistency(0.0)
        .rollForwardDelay(Duration.ofMillis(50))
        .build());
    opened.add(ds);
    put("a", 1, "x");
    long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (seen(ITEMS).isEmpty() && System.nanoTime() - giveUp < 0) {
      Thread.sleep(10);
    }
    assertThat(seen(ITEMS)).containsExactly("a=1");
  }

  @Test
  void aConsistencyOutsideZeroToOneIsRejectedWithAClearMessage() {
    MegaliteOptions.Builder b = MegaliteOptions.newBuilder();
    assertThatThrownBy(() -> b.consistency(1.5))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("consistency 1.5 is outside [0, 1]");
    assertThatThrownBy(() -> b.consistency(Double.NaN)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> b.rollForwardDelay(Duration.ofMillis(-1)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("roll-forward delay");
    assertThat(b.build().consistency()).isEqualTo(1.0);
    assertThat(b.build().rollForwardDelay()).isEqualTo(MegaliteOptions.DEFAULT_ROLL_FORWARD_DELAY);
  }
}
