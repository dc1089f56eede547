package dev.megalite.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One timed phase: how many items it processed, its wall-clock time, the CPU time of the thread
 * that ran it (Java and native code alike, so RocksDB's foreground work counts but its background
 * flushes and compactions do not), and the CPU time of the whole process meanwhile (all threads:
 * background flushes, garbage collection, and the API threads App Engine's local service runs its
 * work on while the calling thread waits).
 *
 * <p>On a shared machine wall time swings with the other load; CPU times much less, which is why
 * all three are reported.
 */
record Measurement(long count, long nanos, long cpuNanos, long processCpuNanos) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Items per wall-clock second. */
  double perSecond() {
    return nanos == 0 ? 0 : count * 1e9 / nanos;
  }

  double millis() {
    return nanos / 1e6;
  }

  /** Starts timing a phase on this thread; {@link Clock#stop(long)}, on this thread, ends it. */
  static Clock start() {
    return new Clock(OS.getProcessCpuTime(), THREADS.getCurrentThreadCpuTime(), System.nanoTime());
  }

  /** A running phase. */
  record Clock(long processStart, long cpuStart, long nanoStart) {
    Measurement stop(long count) {
      long nanos = System.nanoTime() - nanoStart;
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      return new Measurement(count, nanos, cpu, OS.getProcessCpuTime() - processStart);
    }
  }

  /**
   * Several timed sections of one thread added up, leaving out the untimed work between them
   * (making the next batch of the workload, converting it to a system's own types).
   */
  static final class Sections {
    private long nanos;
    private long cpuNanos;
    private long processCpuNanos;
    private Clock running;

    void start() {
      running = Measurement.start();
    }

    void stop() {
      Measurement m = running.stop(0);
      running = null;
      nanos += m.nanos();
      cpuNanos += m.cpuNanos();
      processCpuNanos += m.processCpuNanos();
    }

    Measurement result(long count) {
      return new Measurement(count, nanos, cpuNanos, processCpuNanos);
    }
  }
}
