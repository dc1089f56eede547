package dev.megalite.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Prints the results of one run: tables for people, one {@code RESULT} line for scripts. */
final class Report {
  /** Megalite's batch puts must reach this fraction of the raw ceiling. */
  static final double PUT_TARGET = 0.70;
  /** Megalite's batch gets must reach this fraction of the raw ceiling. */
  static final double GET_TARGET = 0.50;

  private static final double MB = 1024.0 * 1024.0;

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void header(BenchConfig cfg, Workload w, RawRows rows, long heapBaseline) {
    out.println("Megalite foundation benchmark");
    line("  entities %,d (seed %d), kind %s, %d properties, mean encoded entity %.0f B",
        w.size(), cfg.seed(), Workload.KIND, w.entities().get(0).properties().size(),
        w.meanEncodedBytes());
    line("  rows written per entity %.1f (entity + kind index + property index + entity group),"
            + " %.1f MiB of keys and values in all",
        (double) rows.rows() / rows.entities(), rows.bytes() / MB);
    line("  JVM %s, max heap %,d MiB, %d CPUs; warm-up %,d entities per store (untimed)",
        System.getProperty("java.vm.version"), Heap.max() / (1024 * 1024),
        Runtime.getRuntime().availableProcessors(), cfg.warmup());
    line("  system load average (1 min) at start: %.2f on %d CPUs (the machine may be shared)",
        loadAverage(), Runtime.getRuntime().availableProcessors());
    line("  heap used after GC with the workload and its raw rows generated: %.1f MiB",
        heapBaseline / MB);
    out.println();
  }

  void results(MegaliteRunner.Result m, RawRocksRunner.Result rawDefault,
      RawRocksRunner.Result rawTuned, long heapBaseline) {
    line("%-44s %14s %17s %7s %23s %7s", "operation", "Megalite ent/s", "raw default ent/s",
        "ratio", "raw Megalite-opts ent/s", "ratio");
    row("batch put (500/batch)", m.put(), rawDefault.put(), rawTuned.put());
    row("batch get (1000/batch, best of " + MegaliteRunner.GET_PASSES + ")", m.get(),
        rawDefault.get(), rawTuned.get());
    line("  (\"per CPU-s\": entities per second of the benchmark thread's CPU time, which other"
        + " load on the machine disturbs less)");
    line("  GC time during Megalite put %,d ms, get %,d ms; raw put %,d ms, get %,d ms",
        m.put().gcMillis(), m.get().gcMillis(), rawDefault.put().gcMillis(),
        rawDefault.get().gcMillis());
    out.println();

    line("%-40s %8s %9s %9s %9s %12s  %s", "query (Megalite)", "results", "first ms", "best ms",
        "mean ms", "results/s", "plan");
    for (QueryBench.Timing t : m.queries()) {
      if (t.note() != null) {
        line("%-40s %s", t.label(), t.note());
      } else {
        line("%-40s %,8d %9.2f %9.2f %9.2f %,12.0f  %s (%d runs)", t.label(), t.results(),
            t.firstMillis(), t.bestMillis(), t.meanMillis(), t.resultsPerSecond(), t.plan(),
            t.runs());
      }
    }
    out.println();

    line("storage (approximate: live SST + WAL): Megalite %.1f MiB, raw default %.1f MiB,"
            + " raw Megalite-opts %.1f MiB", m.approximateSizeBytes() / MB,
        rawDefault.approximateSizeBytes() / MB, rawTuned.approximateSizeBytes() / MB);
    line("heap used after GC, after the Megalite run with the store open: %.1f MiB"
        + " (%.1f MiB more than before it); process resident set then: %.0f MiB",
        m.heapUsedBytes() / MB, (m.heapUsedBytes() - heapBaseline) / MB,
        m.residentBytes() / MB);
    out.println();

    line("system load average (1 min) at the end: %.2f", loadAverage());
    target("puts", PUT_TARGET, m.put(), rawDefault, rawTuned, true);
    target("gets", GET_TARGET, m.get(), rawDefault, rawTuned, false);
    out.println();
    machineLine(m, rawDefault, rawTuned);
  }

  private void row(String op, Measurement mega, Measurement raw, Measurement tuned) {
    line("%-44s %,14.0f %,17.0f %7.2f %,23.0f %7.2f", op + ", wall", mega.perSecond(),
        raw.perSecond(), mega.perSecond() / raw.perSecond(), tuned.perSecond(),
        mega.perSecond() / tuned.perSecond());
    line("%-44s %,14.0f %,17.0f %7.2f %,23.0f %7.2f", op + ", per CPU-s", mega.perCpuSecond(),
        raw.perCpuSecond(), mega.perCpuSecond() / raw.perCpuSecond(), tuned.perCpuSecond(),
        mega.perCpuSecond() / tuned.perCpuSecond());
  }

  private void target(String what, double goal, Measurement mega, RawRocksRunner.Result raw,
      RawRocksRunner.Result tuned, boolean puts) {
    Measurement rawM = puts ? raw.put() : raw.get();
    Measurement tunedM = puts ? tuned.put() : tuned.get();
    double r = mega.perSecond() / rawM.perSecond();
    double t = mega.perSecond() / tunedM.perSecond();
    line("target: %s >= %.0f%% of raw (default options), wall: %.0f%% -> %s;"
            + " against raw with Megalite's options: %.0f%% -> %s; by CPU time: %.0f%% / %.0f%%",
        what, goal * 100, r * 100, r >= goal ? "MET" : "NOT MET", t * 100,
        t >= goal ? "MET" : "NOT MET", 100 * mega.perCpuSecond() / rawM.perCpuSecond(),
        100 * mega.perCpuSecond() / tunedM.perCpuSecond());
  }

  private void machineLine(MegaliteRunner.Result m, RawRocksRunner.Result raw,
      RawRocksRunner.Result tuned) {
    StringBuilder sb = new StringBuilder("RESULT");
    append(sb, "put_megalite", m.put().perSecond());
    append(sb, "put_raw_default", raw.put().perSecond());
    append(sb, "put_raw_megalite_opts", tuned.put().perSecond());
    append(sb, "put_cpu_megalite", m.put().perCpuSecond());
    append(sb, "put_cpu_raw_default", raw.put().perCpuSecond());
    append(sb, "put_cpu_raw_megalite_opts", tuned.put().perCpuSecond());
    append(sb, "get_megalite", m.get().perSecond());
    append(sb, "get_raw_default", raw.get().perSecond());
    append(sb, "get_raw_megalite_opts", tuned.get().perSecond());
    append(sb, "get_cpu_megalite", m.get().perCpuSecond());
    append(sb, "get_cpu_raw_default", raw.get().perCpuSecond());
    append(sb, "get_cpu_raw_megalite_opts", tuned.get().perCpuSecond());
    int i = 0;
    for (QueryBench.Timing t : m.queries()) {
      i++;
      if (t.note() == null) {
        append(sb, "q" + i + "_first_ms", t.firstMillis());
        append(sb, "q" + i + "_best_ms", t.bestMillis());
        append(sb, "q" + i + "_results_per_s", t.resultsPerSecond());
      }
    }
    append(sb, "size_megalite_mib", m.approximateSizeBytes() / MB);
    append(sb, "heap_after_mib", m.heapUsedBytes() / MB);
    append(sb, "rss_after_mib", m.residentBytes() / MB);
    out.println(sb);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void append(StringBuilder sb, String name, double value) {
    sb.append(' ').append(name).append('=').append(String.format(Locale.ROOT, "%.2f", value));
  }

  private void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
