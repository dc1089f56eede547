package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.Snapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;

/**
 * A {@link Snapshot} over a native RocksDB snapshot.
 *
 * <p>Reference counted: the snapshot itself, each of its open iterators and each read in flight
 * hold a reference, and the native snapshot is released when the last one goes. So iterators may
 * be closed before or after their snapshot, and closing a snapshot never frees it under a
 * concurrent read.
 */
final class RocksSnapshot implements Snapshot {
  private final RocksKeyValueStore store;
  private final RocksDB db;
  private final org.rocksdb.Snapshot snapshot;
  private final ReadOptions readOptions;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();

  RocksSnapshot(RocksKeyValueStore store, RocksDB db) {
    this.store = store;
    this.db = db;
    this.snapshot = db.getSnapshot();
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(byte[] key) {
    return store.guarded(
        "snapshot get",
        () -> {
          retain();
          try {
            return db.get(readOptions, key);
          } finally {
            unref();
          }
        });
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    return store.guarded(
        "snapshot multiGet",
        () -> {
          retain();
          try {
            return RocksKeyValueStore.multiGet(db, readOptions, keys);
          } finally {
            unref();
          }
        });
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    return store.newIterator(lower, upper, this);
  }

  /** Idempotent; a no-op once the store has closed (the store released it then). */
  @Override
  public void close() {
    store.closeSnapshot(this);
  }

  /** Marks the snapshot closed and drops its own reference; the caller holds the store's lock. */
  void closeByOwner() {
    if (closed.compareAndSet(false, true)) {
      unref();
    }
  }

  /** Frees the native snapshot now; only for the store's close, once no reads can be running. */
  void forceRelease() {
    closed.set(true);
    releaseNative();
  }

  /** Takes a reference, or throws if the snapshot is closed. */
  void retain() {
    while (true) {
      int r = refs.get();
      if (r == 0 || closed.get()) {
        throw new StorageException("snapshot is closed");
      }
      if (refs.compareAndSet(r, r + 1)) {
        return;
      }
    }
  }

  /** Drops a reference; the caller holds the store's lock, so the DB is still open. */
  void unref() {
    if (refs.decrementAndGet() == 0) {
      releaseNative();
    }
  }

  /** For iterators reading this snapshot. */
  void applyTo(ReadOptions options) {
    options.setSnapshot(snapshot);
  }

  private void releaseNative() {
    if (released.compareAndSet(false, true)) {
      db.releaseSnapshot(snapshot);
      readOptions.close();
      store.forget(this);
    }
  }
}
