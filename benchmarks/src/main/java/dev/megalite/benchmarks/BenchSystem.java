package dev.megalite.benchmarks;

import java.nio.file.Path;

/** The systems the benchmark compares, by the names {@code --systems} takes. */
enum BenchSystem {
  MEGALITE("megalite", "Megalite"),
  /** The ceiling, with the RocksDB options Megalite uses: the reference for the targets. */
  RAW("raw", "raw RocksDB"),
  RAW_DEFAULT("raw-default", "raw RocksDB, default options"),
  APPENGINE("appengine", "App Engine local");

  private static final int MIB = 1024;

  private final String id;
  private final String label;

  BenchSystem(String id, String label) {
    this.id = id;
    this.label = label;
  }

  String id() {
    return id;
  }

  String label() {
    return label;
  }

  static BenchSystem of(String id) {
    for (BenchSystem s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown system '" + id + "'; known: megalite, raw, raw-default, appengine");
  }

  /**
   * A new, empty store of this system for {@code w}. {@code dir} is where a RocksDB-based system
   * creates its directory; App Engine's local datastore keeps everything in memory.
   */
  Store<?, ?> open(Path dir, Workload w) {
    return switch (this) {
      case MEGALITE -> new MegaliteRunner(dir, w);
      case RAW -> new RawRocksRunner(dir, w, RawProfile.MEGALITE);
      case RAW_DEFAULT -> new RawRocksRunner(dir, w, RawProfile.DEFAULT);
      case APPENGINE -> new AppEngineRunner(w);
    };
  }

  /**
   * The default {@code -Xmx} of a child JVM. Megalite and the raw ceiling hold one batch of the
   * workload at a time, so 1 GiB is ample at any size; App Engine's local datastore keeps every
   * entity and index in the heap (measured at about 4 KiB per entity of this workload), so it
   * gets 1 GiB plus 8 KiB per entity.
   */
  String defaultHeap(int size) {
    if (this != APPENGINE) {
      return "1g";
    }
    long mib = MIB + (long) size * 8 / MIB;
    return mib + "m";
  }
}
