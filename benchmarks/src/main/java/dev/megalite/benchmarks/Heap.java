package dev.megalite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and process memory figures for the report. */
final class Heap {
  private Heap() {}

  /** Heap in use after asking for a full collection: roughly the live data, in bytes. */
  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * The process's resident set size in bytes (heap, RocksDB's native memtables and block cache,
   * and the rest), or -1 where {@code /proc/self/status} does not exist.
   */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static long max() {
    return Runtime.getRuntime().maxMemory();
  }
}
