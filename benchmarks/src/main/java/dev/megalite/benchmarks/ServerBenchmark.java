package dev.megalite.benchmarks;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.Timestamp;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreOptions;
import com.google.cloud.datastore.PathElement;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.QueryResults;
import com.google.cloud.datastore.StringValue;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import dev.megalite.api.BooleanValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.api.query.Filter;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.server.MegaliteServer;
import dev.megalite.server.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator server measured with the official Java client (HTTP transport, as the client uses
 * by default): upserts in batches of 500, lookups in batches of 1,000, the 1% equality query and a
 * kind scan; then the same workload on the embedded engine, for the cost of the protocol.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.megalite.benchmarks.ServerBenchmark
 *     [--entities 100000] [--query-runs 10] [--dir DIR]</pre>
 */
public final class ServerBenchmark {
  private ServerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    int n = Integer.parseInt(opts.getOrDefault("--entities", "100000"));
    int runs = Integer.parseInt(opts.getOrDefault("--query-runs", "10"));
    Path parent = Path.of(opts.getOrDefault("--dir", System.getProperty("java.io.tmpdir")));
    Workload w = Workload.of("bench-project", n, 42);
    int expected = w.countBucket(Workload.QUERY_BUCKET);
    System.out.printf("Server benchmark: %,d entities, %d query runs, %d cores, JDK %s%n",
        n, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    double[] server;
    try (BenchDirs dirs = BenchDirs.create(parent, false);
        MegaliteServer s = MegaliteServer.start(ServerOptions.newBuilder()
            .host("127.0.0.1").port(0).dataDir(dirs.store("server")).project(w.project()).build())) {
      Datastore client = DatastoreOptions.newBuilder().setProjectId(w.project())
          .setHost("http://" + s.hostPort()).setCredentials(NoCredentials.getInstance())
          .setRetrySettings(ServiceOptions.getNoRetrySettings()).build().getService();
      server = runClient(client, w, runs, expected);
    }
    double[] embedded;
    try (BenchDirs dirs = BenchDirs.create(parent, false);
        MegaliteDatastore ds = Megalite.open(dev.megalite.engine.MegaliteOptions.newBuilder()
            .dataDir(dirs.store("embedded")).projectId(w.project()).build())) {
      embedded = runEmbedded(ds, w, runs, expected);
    }
    String[] ops = {"upsert (batches of 500), entities/s", "lookup (batches of 1,000), entities/s",
        "1% equality query, queries/s", "kind scan, entities/s"};
    System.out.printf("%n| operation | server (Java client) | embedded | server/embedded |%n");
    System.out.printf("|---|---:|---:|---:|%n");
    for (int i = 0; i < ops.length; i++) {
      System.out.printf("| %s | %,.0f | %,.0f | %.2f |%n", ops[i], server[i], embedded[i],
          server[i] / embedded[i]);
    }
  }

  private static double[] runClient(Datastore ds, Workload w, int runs, int expected) {
    int n = w.size();
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += 500) {
      List<com.google.cloud.datastore.Entity> batch = new ArrayList<>(500);
      for (Entity e : w.entities(from, Math.min(n, from + 500))) {
        batch.add(ClientEntities.toClient(e));
      }
      ds.put(batch.toArray(com.google.cloud.datastore.Entity[]::new));
    }
    double puts = n / seconds(t0);
    t0 = System.nanoTime();
    for (int from = 0; from < n; from += 1000) {
      List<com.google.cloud.datastore.Key> keys = new ArrayList<>(1000);
      for (Key k : w.keys(from, Math.min(n, from + 1000))) {
        keys.add(ClientEntities.toClient(k));
      }
      check(ds.fetch(keys.toArray(com.google.cloud.datastore.Key[]::new)).size(), keys.size());
    }
    double gets = n / seconds(t0);
    Query<com.google.cloud.datastore.Entity> eq = Query.newEntityQueryBuilder()
        .setKind(Workload.KIND).setFilter(PropertyFilter.eq("bucket", Workload.QUERY_BUCKET)).build();
    count(ds.run(eq)); // the first run is warm-up
    t0 = System.nanoTime();
    for (int r = 0; r < runs; r++) {
      check(count(ds.run(eq)), expected);
    }
    double queries = runs / seconds(t0);
    t0 = System.nanoTime();
    check(count(ds.run(Query.newEntityQueryBuilder().setKind(Workload.KIND).build())), n);
    double scan = n / seconds(t0);
    return new double[] {puts, gets, queries, scan};
  }

  private static double[] runEmbedded(MegaliteDatastore ds, Workload w, int runs, int expected) {
    int n = w.size();
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += 500) {
      ds.put(w.entities(from, Math.min(n, from + 500)));
    }
    double puts = n / seconds(t0);
    t0 = System.nanoTime();
    for (int from = 0; from < n; from += 1000) {
      List<Key> keys = w.keys(from, Math.min(n, from + 1000));
      check(ds.get(keys).size(), keys.size());
    }
    double gets = n / seconds(t0);
    dev.megalite.api.query.Query eq = dev.megalite.api.query.Query.newBuilder(Workload.KIND)
        .filter(Filter.eq("bucket", Workload.QUERY_BUCKET)).build();
    count(ds.run(eq));
    t0 = System.nanoTime();
    for (int r = 0; r < runs; r++) {
      check(count(ds.run(eq)), expected);
    }
    double queries = runs / seconds(t0);
    t0 = System.nanoTime();
    check(count(ds.run(dev.megalite.api.query.Query.newBuilder(Workload.KIND).build())), n);
    double scan = n / seconds(t0);
    return new double[] {puts, gets, queries, scan};
  }

  private static int count(java.util.Iterator<?> it) {
    int c = 0;
    while (it.hasNext()) {
      it.next();
      c++;
    }
    if (it instanceof AutoCloseable a) {
      try {
        a.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return c;
  }

  private static void check(int actual, int expected) {
    if (actual != expected) {
      throw new IllegalStateException("expected " + expected + " results, got " + actual);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
