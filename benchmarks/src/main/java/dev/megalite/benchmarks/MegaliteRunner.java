package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.nio.file.Path;
import java.util.List;

/** Times Megalite's batch puts, batch gets and queries on a fresh RocksDB directory. */
final class MegaliteRunner {
  /** App Engine's limit on a batch put, and what the raw ceiling batches too. */
  static final int PUT_BATCH = 500;
  /** App Engine's limit on a batch get. */
  static final int GET_BATCH = 1000;
  /**
   * Every entity is got this many times and the fastest pass counts: one pass is short, and on a
   * shared machine a single pass is at the mercy of whatever else runs.
   */
  static final int GET_PASSES = 3;

  /** What one run measured. */
  record Result(
      Measurement put,
      Measurement get,
      List<QueryBench.Timing> queries,
      long approximateSizeBytes,
      long heapUsedBytes,
      long residentBytes) {}

  private MegaliteRunner() {}

  /** Puts, gets and queries {@code w} on a new store in {@code dir}. */
  static Result run(Workload w, Path dir, int queryRuns) {
    try (MegaliteDatastore ds = open(dir)) {
      Measurement put = put(ds, w);
      Measurement get = fastest(ds, w);
      List<QueryBench.Timing> queries = new QueryBench(ds, w, queryRuns).runAll();
      long size = ds.approximateSizeBytes();
      long heap = Heap.usedAfterGc(); // with the store open and the workload still referenced
      return new Result(put, get, queries, size, heap, Heap.residentBytes());
    }
  }

  /** Puts and gets {@code w} untimed, so that the JIT compiles the engine's hot paths. */
  static void warmUp(Workload w, Path dir) {
    try (MegaliteDatastore ds = open(dir)) {
      put(ds, w);
      get(ds, w);
    }
  }

  private static MegaliteDatastore open(Path dir) {
    return Megalite.open(MegaliteOptions.newBuilder().dataDir(dir).build());
  }

  private static Measurement put(MegaliteDatastore ds, Workload w) {
    List<Entity> all = w.entities();
    Measurement.Clock clock = Measurement.start();
    for (int from = 0; from < all.size(); from += PUT_BATCH) {
      ds.put(all.subList(from, Math.min(all.size(), from + PUT_BATCH)));
    }
    return clock.stop(all.size());
  }

  private static Measurement fastest(MegaliteDatastore ds, Workload w) {
    Measurement best = null;
    for (int i = 0; i < GET_PASSES; i++) {
      Measurement m = get(ds, w);
      if (best == null || m.nanos() < best.nanos()) {
        best = m;
      }
    }
    return best;
  }

  private static Measurement get(MegaliteDatastore ds, Workload w) {
    List<Key> keys = w.keys();
    long found = 0;
    Measurement.Clock clock = Measurement.start();
    for (int from = 0; from < keys.size(); from += GET_BATCH) {
      for (Entity e : ds.get(keys.subList(from, Math.min(keys.size(), from + GET_BATCH)))) {
        if (e != null) {
          found++;
        }
      }
    }
    Measurement m = clock.stop(keys.size());
    if (found != keys.size()) {
      throw new IllegalStateException("Megalite get found " + found + " of " + keys.size());
    }
    return m;
  }
}
