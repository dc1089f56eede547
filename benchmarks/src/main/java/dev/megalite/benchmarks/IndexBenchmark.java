package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.IndexStatus;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The composite-index benchmark: how fast an index is built over existing entities, and how a
 * composite-index query's rows/s compare with a single-property index scan returning as many rows.
 * Run with {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * dev.megalite.benchmarks.IndexBenchmark 100000}.
 */
public final class IndexBenchmark {
  private static final int RUNS = 10;

  private IndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("megalite-index-bench");
    Workload w = Workload.of(MegaliteOptions.DEFAULT_PROJECT, n, 42);
    try (MegaliteDatastore ds = MegaliteRunner.open(dir)) {
      for (int i = 0; i < n; i += MegaliteRunner.PUT_BATCH) {
        ds.put(w.entities(i, Math.min(n, i + MegaliteRunner.PUT_BATCH)));
      }
      Query composite = Query.newBuilder(Workload.KIND)
          .filter(Filter.eq("bucket", Workload.QUERY_BUCKET))
          .orderBy(SortOrder.desc("created"))
          .build();
      long t0 = System.nanoTime();
      String plan = ds.explain(composite); // development mode: adds and builds the index
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      IndexStatus status = ds.indexes().get(0);
      System.out.printf("index %s: %s, %,d entities indexed in %.2f s = %,.0f entities/s%n",
          status.definition(), status.state(), status.entitiesIndexed(), buildSeconds,
          status.entitiesIndexed() / buildSeconds);
      System.out.println("plan: " + plan);

      int rows = count(ds, composite);
      Query single = Query.newBuilder(Workload.KIND)
          .orderBy(SortOrder.desc("created")).limit(rows).build();
      System.out.println("plan: " + ds.explain(single));
      Query singleAsc = single.toBuilder().clearOrders().orderBy(SortOrder.asc("created")).build();
      for (boolean keysOnly : new boolean[] {true, false}) {
        Query c = keysOnly ? composite.toBuilder().keysOnly().build() : composite;
        double cs = best(ds, c);
        for (Query base : List.of(single, singleAsc)) {
          Query s = keysOnly ? base.toBuilder().keysOnly().build() : base;
          double ss = best(ds, s);
          System.out.printf("%s, %,d rows: composite %,.0f rows/s, %s %,.0f rows/s,"
                  + " composite/single %.2f%n",
              keysOnly ? "keys only" : "entities", rows, rows / cs, base.orders(), rows / ss,
              ss / cs);
        }
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double best(MegaliteDatastore ds, Query q) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      count(ds, q);
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    return best;
  }

  private static int count(MegaliteDatastore ds, Query q) {
    int c = 0;
    try (QueryResults<Entity> r = ds.run(q)) {
      while (r.hasNext()) {
        r.next();
        c++;
      }
    }
    return c;
  }
}
