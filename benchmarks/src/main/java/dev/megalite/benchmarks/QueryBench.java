package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.MegaliteDatastore;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the queries of the foundation benchmark and checks their results against the workload, so
 * a fast wrong answer cannot pass as a result.
 */
final class QueryBench {
  /** Printed instead of a figure when the engine rejects a query for want of a composite index. */
  static final String NEEDS_INDEX = "needs a composite index (composite-index issue)";

  private static final int SORT_LIMIT = 1000;
  private static final int SCAN_RUNS = 3;

  /**
   * The timings of one query: first, best and mean of {@code runs} runs, or a note instead. The
   * first run is apart because it may do one-time work: in development mode the engine builds a
   * missing composite index on the query's first run.
   *
   * @param plan the engine's {@code explain()} of the query after its first run, or null
   */
  record Timing(
      String label,
      String plan,
      int runs,
      int results,
      long firstNanos,
      long bestNanos,
      long meanNanos,
      String note) {
    double firstMillis() {
      return firstNanos / 1e6;
    }

    double bestMillis() {
      return bestNanos / 1e6;
    }

    double meanMillis() {
      return meanNanos / 1e6;
    }

    /** Results per second in the best run. */
    double resultsPerSecond() {
      return bestNanos == 0 ? 0 : results * 1e9 / bestNanos;
    }
  }

  /** Checks one run's results; throws when they are wrong. */
  @FunctionalInterface
  private interface Check {
    void verify(List<Entity> results);
  }

  private final MegaliteDatastore ds;
  private final Workload workload;
  private final int runs;

  QueryBench(MegaliteDatastore ds, Workload workload, int runs) {
    this.ds = ds;
    this.workload = workload;
    this.runs = runs;
  }

  List<Timing> runAll() {
    int bucket = Workload.QUERY_BUCKET;
    int expected = workload.countBucket(bucket);
    Query eq = Query.newBuilder(Workload.KIND).filter(Filter.eq("bucket", bucket)).build();
    List<Timing> out = new ArrayList<>();
    out.add(time("bucket = " + bucket, eq, runs, r -> checkBucket(r, bucket, expected)));
    out.add(time("bucket = " + bucket + " ORDER BY created DESC",
        eq.toBuilder().orderBy(SortOrder.desc("created")).build(), runs,
        r -> {
          checkBucket(r, bucket, expected);
          checkCreatedDescending(r);
        }));
    out.add(time("bucket = " + bucket + " ORDER BY __key__",
        eq.toBuilder().orderBy(SortOrder.asc(Filter.KEY_PROPERTY)).build(), runs,
        r -> {
          checkBucket(r, bucket, expected);
          checkKeyOrder(r);
        }));
    int sorted = Math.min(SORT_LIMIT, workload.size());
    Query newest = Query.newBuilder(Workload.KIND)
        .orderBy(SortOrder.desc("created"))
        .limit(SORT_LIMIT)
        .build();
    out.add(time("ORDER BY created DESC LIMIT " + SORT_LIMIT, newest, runs,
        r -> {
          checkCount(r, sorted);
          checkCreatedDescending(r);
        }));
    out.add(time("kind scan (all " + Workload.KIND + ")", Query.newBuilder(Workload.KIND).build(),
        Math.min(runs, SCAN_RUNS), r -> checkCount(r, workload.size())));
    return out;
  }

  private Timing time(String label, Query q, int n, Check check) {
    long first = 0;
    long best = Long.MAX_VALUE;
    long total = 0;
    int results = 0;
    for (int i = 0; i < n; i++) {
      List<Entity> got = new ArrayList<>();
      long start = System.nanoTime();
      try (QueryResults<Entity> r = ds.run(q)) {
        while (r.hasNext()) {
          got.add(r.next());
        }
      } catch (NeedIndexException e) {
        return new Timing(label, null, 0, 0, 0, 0, 0, NEEDS_INDEX);
      }
      long nanos = System.nanoTime() - start;
      check.verify(got);
      results = got.size();
      first = i == 0 ? nanos : first;
      best = Math.min(best, nanos);
      total += nanos;
    }
    return new Timing(label, ds.explain(q), n, results, first, best, total / n, null);
  }

  private static void checkCount(List<Entity> r, int expected) {
    if (r.size() != expected) {
      throw new IllegalStateException("query returned " + r.size() + " results, not " + expected);
    }
  }

  private static void checkBucket(List<Entity> r, int bucket, int expected) {
    checkCount(r, expected);
    for (Entity e : r) {
      if (e.getLong("bucket") != bucket) {
        throw new IllegalStateException("query for bucket " + bucket + " returned " + e);
      }
    }
  }

  private static void checkKeyOrder(List<Entity> r) {
    for (int i = 1; i < r.size(); i++) {
      if (r.get(i - 1).completeKey().compareTo(r.get(i).completeKey()) >= 0) {
        throw new IllegalStateException("results are not in key order at " + i);
      }
    }
  }

  private static void checkCreatedDescending(List<Entity> r) {
    for (int i = 1; i < r.size(); i++) {
      if (r.get(i - 1).getTimestamp("created").isBefore(r.get(i).getTimestamp("created"))) {
        throw new IllegalStateException("results are not by created descending at " + i);
      }
    }
  }
}
