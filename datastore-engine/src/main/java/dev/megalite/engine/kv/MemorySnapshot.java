package dev.megalite.engine.kv;

import dev.megalite.api.error.StorageException;
import java.util.List;
import java.util.Objects;

/** A {@link Snapshot} of a {@link MemoryKeyValueStore}: a pinned sequence number. */
final class MemorySnapshot implements Snapshot {
  private final MemoryKeyValueStore store;
  private final long seq;
  private volatile boolean closed;

  /** {@code seq} must already be pinned in {@code store}; closing unpins it. */
  MemorySnapshot(MemoryKeyValueStore store, long seq) {
    this.store = store;
    this.seq = seq;
  }

  @Override
  public byte[] get(byte[] key) {
    checkOpen();
    return store.getAt(key, seq);
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    checkOpen();
    return store.multiGetAt(keys, seq);
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    Objects.requireNonNull(lower, "lower");
    // The iterator pins the sequence too, so it stays valid if this snapshot closes first.
    // Locked against close(): the second pin must be taken while this one still holds.
    synchronized (this) {
      checkOpen();
      store.pin(seq);
    }
    return store.iteratorAt(lower, upper, seq);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!closed) {
        closed = true;
        store.unpin(seq);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("snapshot is closed");
    }
  }
}
