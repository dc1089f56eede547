package dev.megalite.engine.kv;

/**
 * An ordered byte-key/byte-value store: the only storage contract the engine uses.
 *
 * <p>Keys compare as unsigned bytes, lexicographically. Reads through the store itself see the
 * latest committed state; {@link #snapshot()} gives a stable view. Writes are applied only as whole
 * {@link WriteBatch}es, atomically: no reader ever sees part of a batch. Thread-safe.
 */
public interface KeyValueStore extends ReadView, AutoCloseable {

  /** A new, empty batch for this store. */
  WriteBatch newWriteBatch();

  /**
   * Applies every operation of {@code batch} atomically, in the order they were added.
   *
   * @param sync when true, the write is on stable storage (fsync) before this returns; when false
   *     it survives a process crash (the write-ahead log is written) but not a power loss.
   */
  void write(WriteBatch batch, boolean sync);

  /** A consistent, read-only view of the store as of now. Close it when done. */
  Snapshot snapshot();

  /**
   * Removes every key in {@code [lower, upper)} in one atomic step, durable like a synced write.
   * Both bounds are required; {@code lower == upper} does nothing and {@code lower > upper} is an
   * {@link IllegalArgumentException}.
   */
  void deleteRange(byte[] lower, byte[] upper);

  /** Forces buffered data to stable storage (a no-op for stores that have none). */
  void flush();

  /** Approximate on-disk size in bytes (0 for memory-only stores). */
  long approximateSizeBytes();

  /**
   * Idempotent. Frees snapshots and iterators still open; any later call on the store, or on a
   * batch, snapshot or iterator it made, throws {@code StorageException}.
   */
  @Override
  void close();
}
