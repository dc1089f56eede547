package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.error.ErrorCode;
import dev.megalite.api.error.OverQuotaException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.quota.Quota;
import dev.megalite.engine.quota.QuotaConfig;
import dev.megalite.engine.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Over quota, a call fails naming the quota, its limit and usage, and writes nothing. */
class QuotaEnforcementTest {
  /** Noon in Los Angeles; the next quota day starts 12 hours later. */
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-15T20:00:00Z"));

  private MegaliteDatastore open(QuotaConfig.Builder quotas) {
    return Megalite.open(MegaliteOptions.newBuilder().quotas(quotas.build()).clock(clock).build());
  }

  /** An entity with one indexed property: 2 + 2 × 1 = 4 write operations. */
  private static Entity item(MegaliteDatastore ds, long id) {
    return Entity.newBuilder(ds.newKey("Item", id)).set("n", id).build();
  }

  private static long count(MegaliteDatastore ds, String kind) {
    return ds.quotaUsage().storedData().kinds().containsKey(kind)
        ? ds.quotaUsage().storedData().kinds().get(kind).entities() : 0;
  }

  private void nextDay() {
    clock.advance(Duration.ofHours(12));
  }

  @Test
  void aPutOverTheDailyWriteQuotaFailsNamingTheQuotaLimitAndUsageAndWritesNothing() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 10))) {
      ds.put(item(ds, 1));
      ds.put(item(ds, 2));
      long storedBefore = ds.quotaUsage().storedData().totalBytes();
      OverQuotaException e = catchThrowableOfType(OverQuotaException.class,
          () -> ds.put(item(ds, 3)));
      assertThat(e.quota()).isEqualTo("entity_writes");
      assertThat(e.window()).isEqualTo("daily");
      assertThat(e.limit()).isEqualTo(10);
      assertThat(e.usage()).isEqualTo(8);
      assertThat(e.requested()).isEqualTo(4);
      assertThat(e.code()).isEqualTo(ErrorCode.OVER_QUOTA);
      assertThat(e.retryable()).isFalse();
      assertThat(e).hasMessage(
          "over quota: daily entity_writes limit is 10 write ops; 8 used, this call needs 4 more");

      assertThat(ds.get(ds.newKey("Item", 3))).isNull();
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isEqualTo(8);
      assertThat(ds.quotaUsage().storedData().totalBytes()).isEqualTo(storedBefore);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }
  }

  @Test
  void aBatchPutOverQuotaWritesNoneOfItsEntities() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 10))) {
      assertThatThrownBy(() -> ds.put(List.of(item(ds, 1), item(ds, 2), item(ds, 3))))
          .isInstanceOf(OverQuotaException.class);
      assertThat(count(ds, "Item")).isZero();
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isZero();
    }
  }

  @Test
  void theNextQuotaDayAllowsWhatTheLastOneRefused() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 4))) {
      ds.put(item(ds, 1));
      assertThatThrownBy(() -> ds.put(item(ds, 2))).isInstanceOf(OverQuotaException.class);
      nextDay();
      ds.put(item(ds, 2));
      assertThat(count(ds, "Item")).isEqualTo(2);
    }
  }

  @Test
  void aPerMinuteLimitRefusesUntilTheNextMinute() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().perMinute(Quota.API_CALLS, 3))) {
      Key k = ds.newKey("Item", 1);
      ds.get(k);
      ds.get(k);
      ds.get(k);
      OverQuotaException e = catchThrowableOfType(OverQuotaException.class, () -> ds.get(k));
      assertThat(e.window()).isEqualTo("per-minute");
      assertThat(e.quota()).isEqualTo("api_calls");
      clock.advance(Duration.ofSeconds(60));
      ds.get(k);
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isEqualTo(4);
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).thisMinute()).isEqualTo(1);
    }
  }

  @Test
  void aTransactionOverQuotaFailsAtCommitAndWritesNothing() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 6))) {
      Key parent = ds.newKey("List", 1);
      try (Transaction txn = ds.newTransaction()) {
        txn.put(Entity.newBuilder(parent.child("Item", 1)).set("n", 1).build());
        txn.put(Entity.newBuilder(parent.child("Item", 2)).set("n", 2).build());
        assertThatThrownBy(txn::commit).isInstanceOf(OverQuotaException.class)
            .hasMessageContaining("entity_writes");
      }
      assertThat(count(ds, "Item")).isZero();
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isZero();
    }
  }

  @Test
  void aDeleteOverQuotaDeletesNothing() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_DELETES, 1))) {
      ds.put(List.of(item(ds, 1), item(ds, 2)));
      assertThatThrownBy(() -> ds.delete(List.of(ds.newKey("Item", 1), ds.newKey("Item", 2))))
          .isInstanceOf(OverQuotaException.class)
          .hasMessageContaining("entity_deletes");
      assertThat(count(ds, "Item")).isEqualTo(2);
      assertThat(ds.get(ds.newKey("Item", 1))).isNotNull();
    }
  }

  @Test
  void theStoredDataLimitRefusesGrowthButNotWhatShrinksIt() {
    long limit;
    try (MegaliteDatastore probe = open(QuotaConfig.newBuilder())) {
      probe.put(List.of(item(probe, 1), item(probe, 2)));
      limit = probe.quotaUsage().storedData().totalBytes() + 10;
    }
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().storedData(limit))) {
      ds.put(List.of(item(ds, 1), item(ds, 2)));
      OverQuotaException e = catchThrowableOfType(OverQuotaException.class,
          () -> ds.put(item(ds, 3)));
      assertThat(e.quota()).isEqualTo("stored_data");
      assertThat(e.window()).isEqualTo("level");
      assertThat(e.usage()).isEqualTo(limit - 10);
      assertThat(count(ds, "Item")).isEqualTo(2);
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isEqualTo(8);

      ds.delete(ds.newKey("Item", 1));
      ds.put(item(ds, 3));
      assertThat(count(ds, "Item")).isEqualTo(2);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }
  }

  @Test
  void aQueryStopsWithOverQuotaAtTheReadBoundaryAndItsCursorResumesNextDay() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_READS, 8))) {
      ds.put(items(ds));
      List<Long> seen = new ArrayList<>();
      Cursor cursor;
      try (QueryResults<Entity> r = ds.run(Query.newBuilder("Item").build())) {
        OverQuotaException e = catchThrowableOfType(OverQuotaException.class, () -> {
          while (r.hasNext()) {
            seen.add(r.next().completeKey().id());
          }
        });
        assertThat(e.quota()).isEqualTo("entity_reads");
        assertThat(e.usage()).isEqualTo(8);
        cursor = r.cursorAfter();
      }
      assertThat(seen).hasSize(7); // the query's own read, then 7 entities
      nextDay();
      try (QueryResults<Entity> r = ds.run(Query.newBuilder("Item").startCursor(cursor).build())) {
        r.forEachRemaining(e -> seen.add(e.completeKey().id()));
      }
      assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }
  }

  private static List<Entity> items(MegaliteDatastore ds) {
    List<Entity> items = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      items.add(item(ds, i));
    }
    return items;
  }

  @Test
  void aKeysOnlyQueryStopsAtTheSmallOperationsBoundary() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.SMALL_OPS, 3))) {
      ds.put(items(ds));
      AtomicInteger keys = new AtomicInteger();
      try (QueryResults<Entity> r = ds.run(Query.newBuilder("Item").keysOnly().build())) {
        assertThatThrownBy(() -> r.forEachRemaining(e -> keys.incrementAndGet()))
            .isInstanceOf(OverQuotaException.class)
            .hasMessageContaining("small_ops");
      }
      assertThat(keys).hasValue(3);
    }
  }

  @Test
  void aGetOverTheReadQuotaFailsBeforeReadingAnything() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_READS, 2))) {
      ds.put(items(ds));
      assertThatThrownBy(() -> ds.get(List.of(ds.newKey("Item", 1), ds.newKey("Item", 2),
          ds.newKey("Item", 3)))).isInstanceOf(OverQuotaException.class);
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_READS).today()).isZero();
      assertThat(ds.quotaUsage().quota(Quota.DATA_RECEIVED).today()).isZero();
    }
  }

  @Test
  void anExhaustedApiCallQuotaRefusesEveryCallButUsageStaysReadable() {
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.API_CALLS, 2))) {
      ds.put(item(ds, 1));
      ds.get(ds.newKey("Item", 1));
      assertThatThrownBy(() -> ds.run(Query.newBuilder("Item").build()))
          .isInstanceOf(OverQuotaException.class)
          .hasMessageContaining("api_calls");
      assertThatThrownBy(ds::newTransaction).isInstanceOf(OverQuotaException.class);
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isEqualTo(2);
    }
  }

  @Test
  void concurrentPutsNeverShareTheLastUnitOfBudget() throws Exception {
    // Budget for 10 puts of 4 write operations, and 2 to spare: never enough for an 11th.
    try (MegaliteDatastore ds = open(QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 42))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 4; i++) {
            try {
              ds.put(item(ds, thread * 100 + i + 1));
              ok.incrementAndGet();
            } catch (OverQuotaException e) {
              refused.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      assertThat(ok).hasValue(10);
      assertThat(refused).hasValue(22);
      assertThat(count(ds, "Item")).isEqualTo(10);
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isEqualTo(40);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }
  }
}
