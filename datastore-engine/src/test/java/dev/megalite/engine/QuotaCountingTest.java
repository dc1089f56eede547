package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.Value;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.quota.Quota;
import dev.megalite.engine.quota.QuotaUsage;
import dev.megalite.engine.quota.StoredDataUsage;
import dev.megalite.engine.testing.ManualClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each quota counted on a scripted workload and compared with figures worked out by hand from the
 * rules in docs/quotas.md. The clock stands still, so this minute's counts equal today's.
 */
class QuotaCountingTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-15T20:00:00Z"));

  @TempDir Path dir;

  private MegaliteDatastore open() {
    return Megalite.open(MegaliteOptions.newBuilder().clock(clock).build());
  }

  private static long today(MegaliteDatastore ds, Quota q) {
    QuotaUsage u = ds.quotaUsage();
    assertThat(u.quota(q).thisMinute()).as("%s this minute", q).isEqualTo(u.quota(q).today());
    return u.quota(q).today();
  }

  /** The bytes of an entity's row: its key and its stored encoding. */
  private static long rowBytes(Entity e) {
    return RowKeys.entity(e.completeKey()).length + EntityCodec.encode(e, 0, new ByteSink()).length;
  }

  private static Entity person(MegaliteDatastore ds, long id, Value... tags) {
    return Entity.newBuilder(ds.newKey("Person", id))
        .set("name", "Ada")
        .set("age", 36)
        .set("tags", tags[0], Arrays.copyOfRange(tags, 1, tags.length))
        .set("bio", Value.of("a long story").unindexed())
        .build();
  }

  private static int drain(QueryResults<Entity> r) {
    int n = 0;
    try (r) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  @Test
  void aPutCostsTwoPlusTwoPerIndexedValuePlusOnePerCompositeRow() throws IOException {
    Path indexFile = dir.resolve("index.yaml");
    Files.writeString(indexFile, "indexes:\n- kind: Person\n  properties:\n  - name: name\n"
        + "  - name: tags\n");
    try (MegaliteDatastore ds = Megalite.open(MegaliteOptions.newBuilder()
        .indexFile(indexFile).clock(clock).build())) {
      // name, age and two tags: 4 indexed values, and 2 composite rows (one per tag).
      Entity a = ds.put(person(ds, 1, Value.of("x"), Value.of("y")));
      assertThat(today(ds, Quota.ENTITY_WRITES)).isEqualTo(2 + 2 * 4 + 2);
      // A repeated tag is one indexed value and one composite row: 2 + 2 * 3 + 1.
      Entity b = ds.put(person(ds, 2, Value.of("x"), Value.of("x")));
      assertThat(today(ds, Quota.ENTITY_WRITES)).isEqualTo(12 + 9);
      // An update costs what a new put costs.
      ds.put(b);
      assertThat(today(ds, Quota.ENTITY_WRITES)).isEqualTo(21 + 9);
      assertThat(today(ds, Quota.DATA_SENT)).isEqualTo(rowBytes(a) + 2 * rowBytes(b));
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(3);
      assertThat(today(ds, Quota.ENTITY_READS)).isZero();
    }
  }

  @Test
  void aGetReadsEveryKeyFoundOrNotAndReceivesTheRowsFound() {
    try (MegaliteDatastore ds = open()) {
      Entity a = person(ds, 1, Value.of("x"));
      Entity b = person(ds, 2, Value.of("y"), Value.of("z"));
      ds.put(List.of(a, b));
      ds.get(a.completeKey());
      ds.get(List.of(a.completeKey(), b.completeKey(), ds.newKey("Person", 3)));
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(1 + 3);
      assertThat(today(ds, Quota.DATA_RECEIVED)).isEqualTo(2 * rowBytes(a) + rowBytes(b));
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(3);
    }
  }

  @Test
  void queriesCostOneReadPlusAReadPerEntityOrASmallOperationPerKeyOrProjection() {
    try (MegaliteDatastore ds = open()) {
      List<Entity> items = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        items.add(Entity.newBuilder(ds.newKey("Item", i)).set("n", i % 2).build());
      }
      ds.put(items);
      long all = items.stream().mapToLong(QuotaCountingTest::rowBytes).sum();

      assertThat(drain(ds.run(Query.newBuilder("Item").build()))).isEqualTo(5);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(1 + 5);
      assertThat(today(ds, Quota.DATA_RECEIVED)).isEqualTo(all);

      assertThat(drain(ds.run(Query.newBuilder("Item").keysOnly().build()))).isEqualTo(5);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(6 + 1);
      assertThat(today(ds, Quota.SMALL_OPS)).isEqualTo(5);
      long keys = items.stream().mapToLong(e -> RowKeys.entity(e.completeKey()).length).sum();
      assertThat(today(ds, Quota.DATA_RECEIVED)).isEqualTo(all + keys);

      assertThat(drain(ds.run(Query.newBuilder("Item").projection("n").build()))).isEqualTo(5);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(7 + 1);
      assertThat(today(ds, Quota.SMALL_OPS)).isEqualTo(5 + 5);

      // DISTINCT ON projection rows are entity reads: n is 0 or 1, so 2 rows.
      assertThat(drain(ds.run(Query.newBuilder("Item").projection("n").distinctOn("n").build())))
          .isEqualTo(2);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(8 + 1 + 2);

      // A limit stops the reads; an offset's skipped entities are read too.
      assertThat(drain(ds.run(Query.newBuilder("Item").limit(2).build()))).isEqualTo(2);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(11 + 1 + 2);
      assertThat(drain(ds.run(Query.newBuilder("Item").offset(2).build()))).isEqualTo(3);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(14 + 1 + 2 + 3);

      assertThat(drain(ds.gql("SELECT * FROM Item WHERE n = 1"))).isEqualTo(3);
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(20 + 1 + 3);
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(1 + 7);
    }
  }

  @Test
  void aggregationsReadOncePerThousandRowsAndAtLeastOnce() {
    try (MegaliteDatastore ds = open()) {
      for (int from = 0; from < 2_500; from += 500) {
        List<Entity> batch = new ArrayList<>();
        for (int i = from + 1; i <= from + 500; i++) {
          batch.add(Entity.newBuilder(ds.newKey("Row", i)).set("v", 1).build());
        }
        ds.put(batch);
      }
      AggregationQuery count = AggregationQuery.of(Query.newBuilder("Row").build(),
          Aggregation.count().as("n"));
      assertThat(ds.runAggregation(count).get("n")).isEqualTo(Value.of(2_500));
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(3);
      ds.runAggregation(AggregationQuery.of(Query.newBuilder("Nothing").build(),
          Aggregation.count().as("n")));
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(3 + 1);
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(5 + 2);
    }
  }

  @Test
  void deletesCountEveryKeyAndSendTheKeys() {
    try (MegaliteDatastore ds = open()) {
      Entity a = ds.put(person(ds, 1, Value.of("x")));
      long sentByPut = today(ds, Quota.DATA_SENT);
      Key missing = ds.newKey("Person", 99);
      ds.delete(List.of(a.completeKey(), missing));
      assertThat(today(ds, Quota.ENTITY_DELETES)).isEqualTo(2);
      assertThat(today(ds, Quota.DATA_SENT) - sentByPut)
          .isEqualTo(RowKeys.entity(a.completeKey()).length + RowKeys.entity(missing).length);
      assertThat(today(ds, Quota.ENTITY_WRITES)).isEqualTo(2 + 2 * 3);
    }
  }

  @Test
  void allocatingIdsIsOneSmallOperationPerCall() {
    try (MegaliteDatastore ds = open()) {
      ds.allocateIds(IncompleteKey.of(ds.projectId(), "Person"), 100);
      ds.allocateIds(IncompleteKey.of(ds.projectId(), "Person"), 1);
      assertThat(today(ds, Quota.SMALL_OPS)).isEqualTo(2);
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(2);
    }
  }

  @Test
  void everyTransactionStepIsAnApiCallAndTheCommitPaysForTheWrites() {
    try (MegaliteDatastore ds = open()) {
      Key k = ds.newKey("Person", 1);
      try (Transaction txn = ds.newTransaction()) {
        txn.get(k);
        txn.put(person(ds, 1, Value.of("x")));
        assertThat(today(ds, Quota.ENTITY_WRITES)).isZero();
        txn.commit();
      }
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(4); // begin, get, put, commit
      assertThat(today(ds, Quota.ENTITY_READS)).isEqualTo(1);
      assertThat(today(ds, Quota.ENTITY_WRITES)).isEqualTo(2 + 2 * 3);

      Transaction abandoned = ds.newTransaction();
      abandoned.rollback();
      abandoned.close();
      assertThat(today(ds, Quota.API_CALLS)).isEqualTo(4 + 2); // begin, rollback
    }
  }

  @Test
  void cpuTimeIsTheCallingThreadsTimeInsideTheCalls() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (MegaliteDatastore ds = open()) {
      List<Entity> batch = new ArrayList<>();
      for (int i = 1; i <= 500; i++) {
        batch.add(person(ds, i, Value.of("t" + i), Value.of("u")));
      }
      long before = threads.getCurrentThreadCpuTime();
      ds.put(batch);
      drain(ds.run(Query.newBuilder("Person").build()));
      long spent = threads.getCurrentThreadCpuTime() - before;
      long charged = today(ds, Quota.CPU_TIME);
      assertThat(charged).isPositive().isLessThanOrEqualTo(spent);
    }
  }

  @Test
  void storedDataCountsEachKindsEntitiesAndTheirRows() {
    try (MegaliteDatastore ds = open()) {
      Entity a = person(ds, 1, Value.of("x"));
      Entity b = person(ds, 2, Value.of("y"));
      Entity c = person(ds, 3, Value.of("z"));
      Entity item = Entity.newBuilder(ds.newKey("Item", 1)).set("n", 1).build();
      ds.put(List.of(a, b, c, item));
      ds.delete(c.completeKey());
      StoredDataUsage stored = ds.quotaUsage().storedData();
      assertThat(stored.entities()).isEqualTo(3);
      assertThat(stored.kinds().get("Person").entities()).isEqualTo(2);
      assertThat(stored.kinds().get("Person").entityBytes()).isEqualTo(rowBytes(a) + rowBytes(b));
      assertThat(stored.kinds().get("Item").entityBytes()).isEqualTo(rowBytes(item));
      assertThat(stored.totalBytes()).isEqualTo(stored.entityBytes() + stored.indexBytes());
      ConsistencyReport report = ds.checkConsistency();
      assertThat(report.problems()).isEmpty();
      assertThat(stored).isEqualTo(new StoredDataUsage(report.storedData().totalBytes(),
          report.storedData().entityBytes(), report.storedData().indexBytes(),
          report.storedData().entities(), QuotaUsage.UNLIMITED, report.storedData().kinds()));
    }
  }
}
