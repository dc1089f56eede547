package dev.megalite.testing;

/** The store a {@link MegaliteTest} gets. */
public enum Storage {
  /** The engine's in-memory key-value store: fast, gone after the test. */
  IN_MEMORY,
  /** RocksDB in a temporary directory, deleted after the test. */
  ROCKSDB
}
