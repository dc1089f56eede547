package dev.megalite.engine.kv;

import dev.megalite.api.error.StorageException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link KvIterator} over a {@link MemoryKeyValueStore} as of one pinned sequence number.
 *
 * <p>It walks the live skip list and skips entries with no version visible at its sequence, so
 * concurrent writes neither block it nor show through.
 */
final class MemoryIterator implements KvIterator {
  private final MemoryKeyValueStore store;
  private final NavigableMap<byte[], MemoryVersionChain> data;
  private final byte[] lower;
  private final byte[] upper;
  private final long seq;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Iterator<Map.Entry<byte[], MemoryVersionChain>> cursor;
  private byte[] key;
  private byte[] value;

  /** {@code seq} must already be pinned in {@code store}; closing unpins it. */
  MemoryIterator(
      MemoryKeyValueStore store,
      NavigableMap<byte[], MemoryVersionChain> data,
      byte[] lower,
      byte[] upper,
      long seq) {
    this.store = store;
    this.data = data;
    this.lower = lower;
    this.upper = upper;
    this.seq = seq;
  }

  @Override
  public void seekToFirst() {
    seekFrom(lower);
  }

  @Override
  public void seek(byte[] target) {
    seekFrom(Arrays.compareUnsigned(target, lower) < 0 ? lower : target.clone());
  }

  private void seekFrom(byte[] from) {
    checkOpen();
    if (upper != null && Arrays.compareUnsigned(from, upper) >= 0) {
      cursor = null;
      key = null;
      return;
    }
    NavigableMap<byte[], MemoryVersionChain> range =
        upper == null ? data.tailMap(from, true) : data.subMap(from, true, upper, false);
    cursor = range.entrySet().iterator();
    advance();
  }

  @Override
  public void seekForPrev(byte[] target) {
    checkOpen();
    byte[] to = upper != null && Arrays.compareUnsigned(target, upper) >= 0 ? upper : target;
    boolean inclusive = to == target;
    if (Arrays.compareUnsigned(to, lower) < 0) {
      clear();
      return;
    }
    backFrom(data.subMap(lower, true, to, inclusive).descendingMap());
  }

  @Override
  public void prev() {
    checkPositioned();
    backFrom(data.subMap(lower, true, key, false).descendingMap());
  }

  /** Positions at the first visible entry of {@code descending}, then resumes forward from it. */
  private void backFrom(NavigableMap<byte[], MemoryVersionChain> descending) {
    for (Map.Entry<byte[], MemoryVersionChain> e : descending.entrySet()) {
      byte[] v = e.getValue().valueAt(seq);
      if (v != null) {
        key = e.getKey();
        value = v;
        NavigableMap<byte[], MemoryVersionChain> rest =
            upper == null ? data.tailMap(key, false) : data.subMap(key, false, upper, false);
        cursor = rest.entrySet().iterator();
        return;
      }
    }
    clear();
  }

  private void clear() {
    cursor = null;
    key = null;
    value = null;
  }

  @Override
  public boolean valid() {
    checkOpen();
    return key != null;
  }

  @Override
  public void next() {
    checkPositioned();
    advance();
  }

  @Override
  public byte[] key() {
    checkPositioned();
    return key.clone();
  }

  @Override
  public byte[] value() {
    checkPositioned();
    return value.clone();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      cursor = null;
      key = null;
      value = null;
      store.unpin(seq);
    }
  }

  private void advance() {
    while (cursor != null && cursor.hasNext()) {
      Map.Entry<byte[], MemoryVersionChain> e = cursor.next();
      byte[] v = e.getValue().valueAt(seq);
      if (v != null) {
        key = e.getKey();
        value = v;
        return;
      }
    }
    cursor = null;
    key = null;
    value = null;
  }

  private void checkPositioned() {
    if (!valid()) {
      throw new NoSuchElementException("iterator is not positioned on an entry");
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new StorageException("iterator is closed");
    }
    store.checkOpen();
  }
}
