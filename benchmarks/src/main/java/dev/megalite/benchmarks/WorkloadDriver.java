package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs the workload on one {@link Store} and times each operation: batch puts of 500, batch gets
 * of 1,000, the {@link QuerySpec queries}, and a loop of single-entity read-modify-write
 * transactions. Only the systems' own calls are timed; making the next batch of entities and
 * converting it is not. Entities are made batch by batch, so the driver holds one batch at a time.
 */
final class WorkloadDriver {
  /**
   * Read-modify-write transactions per run, on entities picked at random: enough for a phase of
   * about a second, so the rate is not one of a few hundred milliseconds of a loaded machine.
   */
  static final int TXN_ITERATIONS = 10_000;
  /** Sizes up to this get three get passes and three kind scans (the best counts); larger, one. */
  static final int SMALL = 100_000;
  /**
   * A query stops repeating once its runs have taken this long, after at least {@link
   * #MIN_QUERY_RUNS} runs: App Engine's sorted queries over a million entities take seconds each.
   */
  static final long QUERY_BUDGET_NANOS = 20_000_000_000L;

  static final int MIN_QUERY_RUNS = 3;
  /**
   * Runs of each query in the warm-up: the timed runs of a query with a thousand results are too
   * short for the JIT to compile its path (at 100k the first of them cost twice the tenth).
   */
  static final int WARMUP_QUERY_RUNS = 20;

  static final String PUT = "put";
  static final String GET = "get";
  static final String TXN = "txn";

  private final Workload w;
  private final int queryRuns;
  private final PrintStream log;
  private final Map<QuerySpec, Integer> expected = new EnumMap<>(QuerySpec.class);

  WorkloadDriver(Workload w, int queryRuns, PrintStream log) {
    this.w = w;
    this.queryRuns = queryRuns;
    this.log = log;
  }

  static String query(QuerySpec q) {
    return "query " + q.name();
  }

  static String firstRun(QuerySpec q) {
    return "first " + q.name();
  }

  /**
   * Puts, gets, transactions and queries, untimed in effect: for warming up the JIT on a throwaway
   * store, so that the timed phases run compiled code (the transaction phase and the queries are
   * too short to absorb the compilation of their own paths).
   */
  <P, G> void warmUp(Store<P, G> s, SystemResult r) {
    r.op(PUT, put(s));
    r.op(GET, get(s));
    r.op(TXN, transactions(s));
    for (QuerySpec q : QuerySpec.values()) {
      if (s.supports(q)) {
        int want = expected.computeIfAbsent(q, k -> k.expected(w));
        for (int i = 0; i < WARMUP_QUERY_RUNS; i++) {
          ResultCheck check = new ResultCheck(q, want);
          s.query(q, check);
          check.finish();
        }
      }
    }
  }

  /** The whole workload; the results go to {@code r}. */
  <P, G> void run(Store<P, G> s, SystemResult r) {
    r.op(PUT, put(s));
    progress("put", r.op(PUT));
    Measurement best = null;
    for (int pass = 0; pass < (w.size() <= SMALL ? 3 : 1); pass++) {
      Measurement m = get(s);
      best = best == null || m.nanos() < best.nanos() ? m : best;
    }
    r.op(GET, best);
    progress("get", r.op(GET));
    for (QuerySpec q : QuerySpec.values()) {
      query(s, q, r);
    }
    r.op(TXN, transactions(s));
    progress("txn", r.op(TXN));
  }

  private <P, G> Measurement put(Store<P, G> s) {
    Measurement.Sections t = new Measurement.Sections();
    int n = w.size();
    int batches = (n + MegaliteRunner.PUT_BATCH - 1) / MegaliteRunner.PUT_BATCH;
    long nextReport = System.nanoTime() + 60_000_000_000L;
    for (int b = 0; b < batches; b++) {
      int from = b * MegaliteRunner.PUT_BATCH;
      List<Entity> entities = w.entities(from, Math.min(n, from + MegaliteRunner.PUT_BATCH));
      P prepared = s.preparePut(b, entities);
      t.start();
      s.put(prepared);
      t.stop();
      if (System.nanoTime() > nextReport) { // long runs: show progress once a minute
        progress("put so far", t.result(from + entities.size()));
        nextReport = System.nanoTime() + 60_000_000_000L;
      }
    }
    return t.result(n);
  }

  private <P, G> Measurement get(Store<P, G> s) {
    Measurement.Sections t = new Measurement.Sections();
    int n = w.size();
    long found = 0;
    for (int from = 0; from < n; from += MegaliteRunner.GET_BATCH) {
      List<Key> keys = w.keys(from, Math.min(n, from + MegaliteRunner.GET_BATCH));
      G prepared = s.prepareGet(keys);
      t.start();
      found += s.get(prepared);
      t.stop();
    }
    if (found != n) {
      throw new IllegalStateException("batch get found " + found + " of " + n);
    }
    return t.result(n);
  }

  private <P, G> void query(Store<P, G> s, QuerySpec q, SystemResult r) {
    if (!s.supports(q)) {
      r.note(query(q), "—");
      return;
    }
    int want = expected.computeIfAbsent(q, k -> k.expected(w));
    int runs = q == QuerySpec.KIND_SCAN ? Math.min(queryRuns, w.size() <= SMALL ? 3 : 1)
        : queryRuns;
    Measurement best = null;
    long spent = 0;
    int ran = 0;
    for (int i = 0; i < runs && (i < MIN_QUERY_RUNS || spent < QUERY_BUDGET_NANOS); i++) {
      ResultCheck check = new ResultCheck(q, want);
      Measurement.Clock clock = Measurement.start();
      try {
        s.query(q, check);
      } catch (UnsupportedOperationException e) {
        r.note(query(q), e.getMessage());
        return;
      }
      Measurement m = clock.stop(check.finish());
      spent += m.nanos();
      ran++;
      if (i == 0) {
        r.op(firstRun(q), m);
      }
      best = best == null || m.nanos() < best.nanos() ? m : best;
    }
    r.op(query(q), best);
    String plan = s.plan(q);
    if (plan != null) {
      r.fact("plan " + q.name(), plan);
    }
    progress(q.label() + " (best of " + ran + ", " + want + " results)", r.op(query(q)));
  }

  private <P, G> Measurement transactions(Store<P, G> s) {
    Random rnd = new Random(Workload.mix(w.size()));
    int iterations = Math.min(TXN_ITERATIONS, w.size());
    Measurement.Sections t = new Measurement.Sections();
    for (int i = 0; i < iterations; i++) {
      Key key = w.key(rnd.nextInt(w.size()));
      t.start();
      s.readModifyWrite(key);
      t.stop();
    }
    return t.result(iterations);
  }

  private void progress(String what, SystemResult.Op op) {
    log.println(String.format(Locale.ROOT,
        "  %-50s %,12.0f /s (%,.0f ms; CPU: thread %,.0f ms, process %,.0f ms)", what,
        op.perSecond(), op.millis(), op.cpuNanos() / 1e6, op.processCpuNanos() / 1e6));
  }

  private void progress(String what, Measurement m) {
    progress(what,
        new SystemResult.Op(what, m.count(), m.nanos(), m.cpuNanos(), m.processCpuNanos(), null));
  }
}
