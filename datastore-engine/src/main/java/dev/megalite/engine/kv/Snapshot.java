package dev.megalite.engine.kv;

/**
 * A read-only, point-in-time view of a {@link KeyValueStore}. Thread-safe. Reads after {@link
 * #close()} or after the store closes throw {@code StorageException}; close is idempotent. Open
 * snapshots hold old versions alive, so close them promptly.
 */
public interface Snapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}
