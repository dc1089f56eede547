package dev.megalite.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One timed phase: how many items it processed, its wall-clock time, the CPU time of the thread
 * that ran it (Java and native code alike, so RocksDB's foreground work counts but its background
 * flushes and compactions do not), and the garbage-collection time the JVM reported during it.
 *
 * <p>On a shared machine wall time swings with the other load; the thread's CPU time much less,
 * which is why both are reported.
 */
record Measurement(long count, long nanos, long cpuNanos, long gcMillis) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Items per wall-clock second. */
  double perSecond() {
    return nanos == 0 ? 0 : count * 1e9 / nanos;
  }

  /** Items per second of the running thread's CPU time. */
  double perCpuSecond() {
    return cpuNanos <= 0 ? 0 : count * 1e9 / cpuNanos;
  }

  double millis() {
    return nanos / 1e6;
  }

  /** Starts timing a phase on this thread; {@link Clock#stop(long)}, on this thread, ends it. */
  static Clock start() {
    return new Clock(gcMillisSoFar(), THREADS.getCurrentThreadCpuTime(), System.nanoTime());
  }

  /** A running phase. */
  record Clock(long gcStart, long cpuStart, long nanoStart) {
    Measurement stop(long count) {
      long nanos = System.nanoTime() - nanoStart;
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      return new Measurement(count, nanos, cpu, gcMillisSoFar() - gcStart);
    }
  }

  private static long gcMillisSoFar() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
