package dev.megalite.benchmarks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one system measured at one size: timed operations and facts (heap, disk, plans). A child
 * JVM prints it as tagged lines on its standard output, and the parent reads them back, so the
 * format is the contract between the two.
 */
final class SystemResult {
  /** Tags the lines of the format; everything else a child prints is passed through. */
  static final String OP = "@@op";

  static final String FACT = "@@fact";

  /**
   * One timed operation.
   *
   * @param count entities (or query results) per timed unit: all puts, all gets, one query run,
   *     all transactions
   * @param note instead of a figure: why the system did not run the operation; else null
   */
  record Op(String name, long count, long nanos, long cpuNanos, long processCpuNanos,
      String note) {
    double perSecond() {
      return note != null || nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }

    /** Per second of the timing thread's CPU time. */
    double perCpuSecond() {
      return note != null || cpuNanos <= 0 ? Double.NaN : count * 1e9 / cpuNanos;
    }

    /** Per second of the whole process's CPU time. */
    double perProcessCpuSecond() {
      return note != null || processCpuNanos <= 0 ? Double.NaN : count * 1e9 / processCpuNanos;
    }

    double millis() {
      return nanos / 1e6;
    }
  }

  private final String system;
  private final int size;
  private final Map<String, Op> ops = new LinkedHashMap<>();
  private final Map<String, String> facts = new LinkedHashMap<>();

  SystemResult(String system, int size) {
    this.system = system;
    this.size = size;
  }

  String system() {
    return system;
  }

  int size() {
    return size;
  }

  void op(String name, Measurement m) {
    ops.put(name, new Op(name, m.count(), m.nanos(), m.cpuNanos(), m.processCpuNanos(), null));
  }

  void note(String name, String note) {
    ops.put(name, new Op(name, 0, 0, 0, 0, note));
  }

  void fact(String name, Object value) {
    facts.put(name, String.valueOf(value));
  }

  /** The operation, or null when this system did not record it. */
  Op op(String name) {
    return ops.get(name);
  }

  Map<String, Op> ops() {
    return ops;
  }

  String fact(String name) {
    return facts.get(name);
  }

  long longFact(String name) {
    String v = facts.get(name);
    return v == null ? -1 : Long.parseLong(v);
  }

  void print(PrintStream out) {
    for (Op o : ops.values()) {
      out.println(String.join("\t", OP, o.name(), Long.toString(o.count()),
          Long.toString(o.nanos()), Long.toString(o.cpuNanos()),
          Long.toString(o.processCpuNanos()), o.note() == null ? "" : o.note()));
    }
    for (Map.Entry<String, String> f : facts.entrySet()) {
      out.println(String.join("\t", FACT, f.getKey(), f.getValue().replace('\t', ' ')));
    }
  }

  /** Reads one line of the format into this result; returns false for any other line. */
  boolean read(String line) {
    String[] f = line.split("\t", -1);
    if (f[0].equals(OP) && f.length == 7) {
      ops.put(f[1], new Op(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
          Long.parseLong(f[4]), Long.parseLong(f[5]), f[6].isEmpty() ? null : f[6]));
      return true;
    }
    if (f[0].equals(FACT) && f.length == 3) {
      facts.put(f[1], f[2]);
      return true;
    }
    return false;
  }
}
