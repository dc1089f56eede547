package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import dev.megalite.engine.quota.QuotaUsage;
import dev.megalite.engine.quota.StoredDataUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored data is exact: after any mix of writes, index builds, drops, reopens and concurrent
 * commits, the figures kept equal a recount from the rows (the consistency checker compares them).
 */
class StoredDataTest {
  @TempDir Path dir;

  private MegaliteDatastore open(boolean accounting) {
    return Megalite.open(MegaliteOptions.newBuilder().dataDir(dir.resolve("db"))
        .indexFile(dir.resolve("index.yaml")).quotaAccounting(accounting).build());
  }

  /** Asserts that the kept figures equal a recount from the rows, and returns them. */
  static StoredDataUsage exact(MegaliteDatastore ds) {
    ConsistencyReport report = ds.checkConsistency();
    assertThat(report.problems()).isEmpty();
    StoredDataUsage kept = ds.quotaUsage().storedData();
    StoredDataUsage recount = report.storedData();
    assertThat(kept).isEqualTo(new StoredDataUsage(recount.totalBytes(), recount.entityBytes(),
        recount.indexBytes(), recount.entities(), QuotaUsage.UNLIMITED, recount.kinds()));
    return kept;
  }

  private static Entity random(MegaliteDatastore ds, Random rnd) {
    String kind = rnd.nextBoolean() ? "Task" : "Note";
    Key root = ds.newKey("Project", "p" + rnd.nextInt(5));
    Entity.Builder b = Entity.newBuilder(root.child(kind, 1 + rnd.nextInt(300)))
        .set("owner", rnd.nextBoolean() ? "ada" : "bob")
        .set("due", rnd.nextInt(1000));
    if (rnd.nextBoolean()) {
      b.set("labels", Value.of("l" + rnd.nextInt(4)), Value.of("l" + rnd.nextInt(4)));
    }
    if (rnd.nextInt(4) == 0) {
      b.set("text", Value.of("x".repeat(rnd.nextInt(200))).unindexed());
    }
    return b.build();
  }

  private void randomWrites(MegaliteDatastore ds, Random rnd, int n) {
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(5) == 0) {
        List<Key> keys = new ArrayList<>();
        for (int j = rnd.nextInt(4); j >= 0; j--) {
          keys.add(random(ds, rnd).completeKey());
        }
        ds.delete(keys);
      } else {
        List<Entity> batch = new ArrayList<>();
        for (int j = rnd.nextInt(6); j >= 0; j--) {
          batch.add(random(ds, rnd));
        }
        ds.put(batch);
      }
    }
  }

  @Test
  void theFiguresMatchARecountAfterPutsUpdatesAndDeletesAndAfterAReopen() {
    StoredDataUsage before;
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(7), 600);
      before = exact(ds);
      assertThat(before.kinds()).containsOnlyKeys("Task", "Note");
    }
    try (MegaliteDatastore ds = open(true)) {
      assertThat(exact(ds)).isEqualTo(before);
      randomWrites(ds, new Random(8), 200);
      exact(ds);
    }
  }

  @Test
  void compositeRowsCountAsTheyAreBuiltWhileWritersRaceTheBuild() throws Exception {
    long withoutIndex;
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(9), 400);
      withoutIndex = exact(ds).indexBytes();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        Random rnd = new Random(10);
        while (!stop.get()) {
          randomWrites(ds, rnd, 1);
        }
      });
      writer.start();
      try {
        Query q = Query.newBuilder("Task").filter(Filter.eq("labels", "l1"))
            .orderBy(SortOrder.desc("due")).build();
        try (QueryResults<Entity> r = ds.run(q)) { // development mode builds the index now
          r.forEachRemaining(e -> { });
        }
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(ds.indexes()).extracting(IndexStatus::state).containsOnly("SERVING");
      assertThat(exact(ds).indexBytes()).isGreaterThan(withoutIndex);
    }
  }

  @Test
  void anIndexDeclaredAtOpenIsBuiltInTheBackgroundAndCountedExactly() throws IOException {
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(11), 500);
    }
    Files.writeString(dir.resolve("index.yaml"), "indexes:\n- kind: Note\n  properties:\n"
        + "  - name: labels\n  - name: owner\n    direction: desc\n");
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(12), 200); // while the build may still run
      try (QueryResults<Entity> r = ds.run(Query.newBuilder("Note")
          .filter(Filter.eq("labels", "l2")).orderBy(SortOrder.desc("owner")).build())) {
        r.forEachRemaining(e -> { });   // waits for the index to serve
      }
      exact(ds);
    }
  }

  @Test
  void droppingACompositeIndexDropsItsShareOfTheStoredData() throws IOException {
    Files.writeString(dir.resolve("index.yaml"), "indexes:\n- kind: Task\n  properties:\n"
        + "  - name: owner\n  - name: due\n");
    StoredDataUsage indexed;
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(13), 300);
      indexed = exact(ds);
    }
    long compositeRows;
    try (MegaliteDatastore ds = open(true)) {
      compositeRows = ds.checkConsistency().indexRows();
    }
    Files.writeString(dir.resolve("index.yaml"), "indexes: []\n");
    try (MegaliteDatastore ds = open(true)) {
      StoredDataUsage dropped = exact(ds);
      assertThat(ds.checkConsistency().indexRows()).isLessThan(compositeRows);
      assertThat(dropped.entityBytes()).isEqualTo(indexed.entityBytes());
      assertThat(dropped.indexBytes()).isLessThan(indexed.indexBytes());
    }
  }

  @Test
  void aStoreWrittenWithAccountingOffIsRecountedWhenItIsOnAgain() {
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(14), 100);
    }
    try (MegaliteDatastore ds = open(false)) {
      randomWrites(ds, new Random(15), 100);
      assertThat(ds.quotaUsage().storedData().entities()).isZero(); // not counted
    }
    try (MegaliteDatastore ds = open(true)) {
      assertThat(exact(ds).entities()).isPositive();
    }
  }

  @Test
  void concurrentCommitsToManyGroupsKeepTheFiguresExact() throws Exception {
    try (MegaliteDatastore ds = open(true)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 100 + t;
        threads.add(new Thread(() -> randomWrites(ds, new Random(seed), 300)));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      exact(ds);
    }
  }

  @Test
  void backgroundFoldsBetweenConcurrentCommitsKeepTheFiguresExact() throws Exception {
    // More commits than StoredData folds after, so folds run while commits are in flight.
    try (MegaliteDatastore ds = open(true)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 200 + t;
        threads.add(new Thread(() -> randomWrites(ds, new Random(seed), 1600)));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      exact(ds);
    }
    try (MegaliteDatastore ds = open(true)) {
      exact(ds);
    }
  }

  @Test
  void closingFoldsEveryDeltaIntoTheBaseRow() {
    try (MegaliteDatastore ds = open(true)) {
      randomWrites(ds, new Random(16), 300);
    }
    try (RocksKeyValueStore raw = RocksKeyValueStore.open(dir.resolve("db"))) {
      byte[] deltas = RowKeys.stats(MegaliteOptions.DEFAULT_PROJECT, "delta");
      int n = 0;
      try (KvIterator it = raw.iterator(deltas, Bytes.prefixEnd(deltas))) {
        for (it.seekToFirst(); it.valid(); it.next()) {
          n++;
        }
      }
      assertThat(n).isZero();
      assertThat(raw.get(RowKeys.stats(MegaliteOptions.DEFAULT_PROJECT, "base"))).isNotNull();
    }
  }
}
