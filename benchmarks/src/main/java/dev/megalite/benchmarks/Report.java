package dev.megalite.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables of a run, in Markdown: one per size, a column per system, ratios against Megalite. */
final class Report {
  /** Megalite's batch puts must reach this fraction of the raw ceiling. */
  static final double PUT_TARGET = 0.70;
  /** Megalite's batch gets must reach this fraction of the raw ceiling. */
  static final double GET_TARGET = 0.50;

  private static final double MIB = 1024.0 * 1024.0;
  private static final long MIN_PROCESS_CPU_NANOS = 100_000_000L;

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void machine(BenchConfig cfg) {
    out.println("Megalite comparison benchmark");
    out.printf(Locale.ROOT, "  sizes %s, systems %s, seed %d, warm-up %,d entities per child,"
        + " block cache %,d MiB%n", cfg.sizes(), cfg.systems(), cfg.seed(), cfg.warmup(),
        cfg.blockCacheMb());
    out.printf(Locale.ROOT, "  JVM %s (%s), %d CPUs, system load average (1 min) at start %s%n",
        System.getProperty("java.vm.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  /** The table of one size. */
  String table(int size, List<SystemResult> results) {
    SystemResult mega = find(results, BenchSystem.MEGALITE);
    List<SystemResult> against = new ArrayList<>();
    for (BenchSystem s : List.of(BenchSystem.RAW, BenchSystem.RAW_DEFAULT, BenchSystem.APPENGINE)) {
      if (mega != null && find(results, s) != null) {
        against.add(find(results, s));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "### %,d entities%n%n| operation, per second |", size));
    StringBuilder rule = new StringBuilder("|---|");
    for (SystemResult r : results) {
      sb.append(' ').append(BenchSystem.of(r.system()).label()).append(" |");
      rule.append("---|");
    }
    for (SystemResult r : against) {
      sb.append(" Megalite / ").append(BenchSystem.of(r.system()).label()).append(" |");
      rule.append("---|");
    }
    sb.append('\n').append(rule).append('\n');
    row(sb, "batch put (500), entities", WorkloadDriver.PUT, results, mega, against);
    row(sb, "batch get (1,000), entities", WorkloadDriver.GET, results, mega, against);
    for (QuerySpec q : QuerySpec.values()) {
      String results0 = resultCount(results, WorkloadDriver.query(q));
      row(sb, "`" + q.label() + "`, results (" + results0 + " per query)",
          WorkloadDriver.query(q), results, mega, against);
      if (q == QuerySpec.EQUALITY_SORT) {
        row(sb, "… its first run (Megalite builds the composite index)",
            WorkloadDriver.firstRun(q), results, mega, against);
      }
    }
    row(sb, "read-modify-write transactions", WorkloadDriver.TXN, results, mega, against);
    facts(sb, "heap used after the run, MiB", results, against.size(), "heap_after_bytes");
    facts(sb, "on disk after the run, MiB", results, against.size(), "disk_bytes");
    facts(sb, "process resident set after the run, MiB", results, against.size(), "rss_bytes");
    StringBuilder load = new StringBuilder("| load average at start → end |");
    for (SystemResult r : results) {
      load.append(' ').append(r.fact("load_start")).append(" → ").append(r.fact("load_end"))
          .append(" |");
    }
    sb.append(load).append(" |".repeat(against.size())).append('\n');
    sb.append('\n').append("Each cell: entities (or results, or transactions) per second of wall"
        + " time, then (per second of the timing thread's CPU time; per second of the whole"
        + " process's CPU time, where the phase used at least 100 ms of it).\n");
    targets(sb, mega, find(results, BenchSystem.RAW), find(results, BenchSystem.APPENGINE));
    sb.append('\n');
    for (SystemResult r : results) {
      if (r.fact("failed") != null) {
        sb.append("\n").append(r.system()).append(": ").append(r.fact("failed")).append('\n');
      }
    }
    return sb.toString();
  }

  /** The targets (reported, not asserted), by wall time, where both systems ran. */
  private static void targets(StringBuilder sb, SystemResult mega, SystemResult raw,
      SystemResult appEngine) {
    if (mega == null) {
      return;
    }
    target(sb, "puts >= 70% of raw", mega, raw, WorkloadDriver.PUT, PUT_TARGET);
    target(sb, "gets >= 50% of raw", mega, raw, WorkloadDriver.GET, GET_TARGET);
    target(sb, "puts >= 2x App Engine", mega, appEngine, WorkloadDriver.PUT, 2);
    target(sb, "gets >= 10x App Engine", mega, appEngine, WorkloadDriver.GET, 10);
    for (QuerySpec q : QuerySpec.values()) {
      if (q != QuerySpec.KIND_SCAN) {
        target(sb, "`" + q.label() + "` >= 100x App Engine", mega, appEngine,
            WorkloadDriver.query(q), 100);
      }
    }
  }

  private static void target(StringBuilder sb, String what, SystemResult mega, SystemResult other,
      String op, double goal) {
    double ratio = rate(mega, op) / rate(other, op);
    if (!Double.isNaN(ratio)) {
      sb.append(fmt("%ntarget %s: %.2f, %s", what, ratio, ratio >= goal ? "met" : "missed"));
    }
  }

  private static void row(StringBuilder sb, String label, String op, List<SystemResult> results,
      SystemResult mega, List<SystemResult> against) {
    sb.append("| ").append(label).append(" |");
    for (SystemResult r : results) {
      SystemResult.Op o = r.op(op);
      sb.append(' ').append(o == null ? "" : o.note() != null ? o.note() : cell(o)).append(" |");
    }
    for (SystemResult r : against) {
      double ratio = rate(mega, op) / rate(r, op);
      sb.append(' ').append(Double.isNaN(ratio) ? "" : ratio >= 10 ? fmt("%,.0f", ratio)
          : fmt("%.2f", ratio)).append(" |");
    }
    sb.append('\n');
  }

  /**
   * Wall rate, then thread-CPU rate and, where the phase used enough of it to be read at the
   * clock's 10 ms granularity, process-CPU rate.
   */
  private static String cell(SystemResult.Op o) {
    if (o.processCpuNanos() < MIN_PROCESS_CPU_NANOS) {
      return fmt("%,.0f (%,.0f)", o.perSecond(), o.perCpuSecond());
    }
    return fmt("%,.0f (%,.0f; %,.0f)", o.perSecond(), o.perCpuSecond(), o.perProcessCpuSecond());
  }

  private static void facts(StringBuilder sb, String label, List<SystemResult> results,
      int ratios, String fact) {
    sb.append("| ").append(label).append(" |");
    for (SystemResult r : results) {
      long v = r.longFact(fact);
      sb.append(' ').append(v < 0 ? "in memory" : fmt("%,.1f", v / MIB)).append(" |");
    }
    sb.append(" |".repeat(ratios)).append('\n');
  }

  private static String resultCount(List<SystemResult> results, String op) {
    for (SystemResult r : results) {
      SystemResult.Op o = r.op(op);
      if (o != null && o.note() == null) {
        return fmt("%,d", o.count());
      }
    }
    return "?";
  }

  static double rate(SystemResult r, String op) {
    SystemResult.Op o = r == null ? null : r.op(op);
    return o == null ? Double.NaN : o.perSecond();
  }

  static SystemResult find(List<SystemResult> results, BenchSystem s) {
    for (SystemResult r : results) {
      if (r.system().equals(s.id())) {
        return r;
      }
    }
    return null;
  }

  static String loadAverage() {
    return fmt("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
