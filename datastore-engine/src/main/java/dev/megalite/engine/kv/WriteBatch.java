package dev.megalite.engine.kv;

/**
 * Operations to apply atomically with {@link KeyValueStore#write}. A batch belongs to the store
 * that created it; it is not thread-safe and is closed after use.
 */
public interface WriteBatch extends AutoCloseable {

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /** Number of operations added so far. */
  int count();

  /** Approximate payload size in bytes (keys plus values). */
  long sizeBytes();

  @Override
  void close();
}
