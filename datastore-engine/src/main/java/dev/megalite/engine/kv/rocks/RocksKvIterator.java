package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.KvIterator;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A {@link KvIterator} over a native {@link RocksIterator}, bounded by native slices.
 *
 * <p>RocksDB keeps pointers to the bound slices and the read options for the iterator's whole
 * life, so this object owns them and frees them together. Every call runs under the store's read
 * lock and this object's monitor, so neither {@link #close()} nor the store's close can free the
 * native iterator while a call is using it; a call after close throws instead of crashing.
 */
final class RocksKvIterator implements KvIterator {
  private final RocksKeyValueStore store;
  private final byte[] lower;
  private final RocksIterator iterator;
  private final ReadOptions readOptions;
  private final Slice lowerSlice;
  private final Slice upperSlice;
  private final RocksSnapshot snapshot;
  private boolean released;

  /**
   * Takes ownership of the native objects. {@code snapshot}, if not null, has been retained for
   * this iterator and is released when it closes.
   */
  RocksKvIterator(
      RocksKeyValueStore store,
      byte[] lower,
      RocksIterator iterator,
      ReadOptions readOptions,
      Slice lowerSlice,
      Slice upperSlice,
      RocksSnapshot snapshot) {
    this.store = store;
    this.lower = lower;
    this.iterator = iterator;
    this.readOptions = readOptions;
    this.lowerSlice = lowerSlice;
    this.upperSlice = upperSlice;
    this.snapshot = snapshot;
  }

  @Override
  public void seekToFirst() {
    store.guarded(
        "iterator seek",
        () -> {
          synchronized (this) {
            checkOpen();
            iterator.seekToFirst();
            iterator.status();
          }
          return null;
        });
  }

  @Override
  public void seek(byte[] target) {
    // RocksDB also clamps to the lower bound; doing it here keeps the contract explicit.
    byte[] from = Arrays.compareUnsigned(target, lower) < 0 ? lower : target;
    store.guarded(
        "iterator seek",
        () -> {
          synchronized (this) {
            checkOpen();
            iterator.seek(from);
            iterator.status();
          }
          return null;
        });
  }

  @Override
  public void seekForPrev(byte[] target) {
    store.guarded(
        "iterator seek",
        () -> {
          synchronized (this) {
            checkOpen();
            iterator.seekForPrev(target);
            iterator.status();
          }
          return null;
        });
  }

  @Override
  public void prev() {
    store.guarded(
        "iterator prev",
        () -> {
          synchronized (this) {
            checkPositioned();
            iterator.prev();
            iterator.status();
          }
          return null;
        });
  }

  @Override
  public boolean valid() {
    return store.guarded(
        "iterator read",
        () -> {
          synchronized (this) {
            checkOpen();
            return iterator.isValid();
          }
        });
  }

  @Override
  public void next() {
    store.guarded(
        "iterator next",
        () -> {
          synchronized (this) {
            checkPositioned();
            iterator.next();
            iterator.status();
          }
          return null;
        });
  }

  @Override
  public byte[] key() {
    return store.guarded(
        "iterator read",
        () -> {
          synchronized (this) {
            checkPositioned();
            return iterator.key();
          }
        });
  }

  @Override
  public byte[] value() {
    return store.guarded(
        "iterator read",
        () -> {
          synchronized (this) {
            checkPositioned();
            return iterator.value();
          }
        });
  }

  /** Idempotent; a no-op once the store has closed (the store freed it then). */
  @Override
  public void close() {
    store.release(this);
  }

  /** Frees the native objects once. The caller holds the store's lock, so the DB is open. */
  synchronized void releaseNative() {
    if (released) {
      return;
    }
    released = true;
    iterator.close();
    readOptions.close();
    lowerSlice.close();
    if (upperSlice != null) {
      upperSlice.close();
    }
    if (snapshot != null) {
      snapshot.unref();
    }
  }

  private void checkOpen() {
    if (released) {
      throw new StorageException("iterator is closed");
    }
  }

  /** Native key/value/next on an unpositioned iterator is undefined behaviour, so check first. */
  private void checkPositioned() {
    checkOpen();
    if (!iterator.isValid()) {
      throw new NoSuchElementException("iterator is not positioned on an entry");
    }
  }
}
