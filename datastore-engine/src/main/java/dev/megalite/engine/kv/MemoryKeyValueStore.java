package dev.megalite.engine.kv;

import dev.megalite.api.error.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A thread-safe, in-memory {@link KeyValueStore} for fast tests.
 *
 * <p>Each key holds a short chain of versions tagged with the sequence number of the batch that
 * wrote them (multi-version concurrency, as in RocksDB itself). A snapshot or iterator is just a
 * pinned sequence number, so taking one is O(1) and it never copies data. Writers are serialized
 * by a read/write lock; they publish a batch by advancing the sequence number, so a reader never
 * sees half a batch. Versions older than every pinned reader are pruned when their key is next
 * written, so history kept for an unclosed snapshot is only as large as what was overwritten.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
  private final ConcurrentSkipListMap<byte[], MemoryVersionChain> data =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Sequence numbers held by open snapshots and iterators, with a count each. */
  private final TreeMap<Long, Integer> pins = new TreeMap<>();

  /** The last published batch; written only under the write lock. */
  private volatile long lastSeq;

  private volatile boolean closed;

  /** A new, empty store. */
  public MemoryKeyValueStore() {}

  @Override
  public byte[] get(byte[] key) {
    Objects.requireNonNull(key, "key");
    // The read lock keeps a writer from publishing between the check and the read.
    lock.readLock().lock();
    try {
      checkOpen();
      return getAt(key, lastSeq);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    lock.readLock().lock();
    try {
      checkOpen();
      return multiGetAt(keys, lastSeq);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    Objects.requireNonNull(lower, "lower");
    // Like a RocksDB iterator, it reads the state as of its creation.
    return iteratorAt(lower, upper, pinLatest());
  }

  @Override
  public WriteBatch newWriteBatch() {
    checkOpen();
    return new MemoryWriteBatch(this);
  }

  @Override
  public void write(WriteBatch batch, boolean sync) {
    if (!(batch instanceof MemoryWriteBatch) || ((MemoryWriteBatch) batch).owner() != this) {
      throw new IllegalArgumentException("the batch was not created by this store");
    }
    List<MemoryWriteBatch.Op> ops = ((MemoryWriteBatch) batch).ops();
    lock.writeLock().lock();
    try {
      checkOpen();
      if (ops.isEmpty()) {
        return;
      }
      long seq = lastSeq + 1;
      long horizon = horizon(seq);
      for (MemoryWriteBatch.Op op : ops) {
        apply(op.key(), op.value(), seq, horizon);
      }
      lastSeq = seq; // publish: from here on, readers see the whole batch
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Snapshot snapshot() {
    return new MemorySnapshot(this, pinLatest());
  }

  @Override
  public void deleteRange(byte[] lower, byte[] upper) {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    int cmp = Arrays.compareUnsigned(lower, upper);
    if (cmp > 0) {
      throw new IllegalArgumentException("deleteRange: lower bound is after upper bound");
    }
    lock.writeLock().lock();
    try {
      checkOpen();
      long seq = lastSeq + 1;
      long horizon = horizon(seq);
      // Copy the live keys first: apply() may remove entries from the map being walked.
      List<byte[]> live = new ArrayList<>();
      for (Map.Entry<byte[], MemoryVersionChain> e :
          data.subMap(lower, true, upper, false).entrySet()) {
        if (e.getValue().valueAt(lastSeq) != null) {
          live.add(e.getKey());
        }
      }
      for (byte[] key : live) {
        apply(key, null, seq, horizon);
      }
      lastSeq = seq;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void flush() {
    checkOpen();
  }

  @Override
  public long approximateSizeBytes() {
    checkOpen();
    return 0;
  }

  /** Idempotent. Open snapshots and iterators fail with {@link StorageException} afterwards. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  // Package-private helpers for MemorySnapshot and MemoryIterator.

  byte[] getAt(byte[] key, long seq) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    MemoryVersionChain chain = data.get(key);
    byte[] value = chain == null ? null : chain.valueAt(seq);
    return value == null ? null : value.clone();
  }

  List<byte[]> multiGetAt(List<byte[]> keys, long seq) {
    List<byte[]> values = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      values.add(getAt(key, seq));
    }
    return values;
  }

  /** An iterator at {@code seq}, which the caller has pinned on its behalf. */
  KvIterator iteratorAt(byte[] lower, byte[] upper, long seq) {
    return new MemoryIterator(
        this, data, lower.clone(), upper == null ? null : upper.clone(), seq);
  }

  /**
   * Adds a pin on {@code seq}. Safe only under the read lock or while a pin on {@code seq} is
   * already held; otherwise a writer may have pruned versions that {@code seq} needs.
   */
  void pin(long seq) {
    synchronized (pins) {
      pins.merge(seq, 1, Integer::sum);
    }
  }

  void unpin(long seq) {
    synchronized (pins) {
      pins.merge(seq, -1, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  void checkOpen() {
    if (closed) {
      throw new StorageException("memory key-value store is closed");
    }
  }

  /** Pins the latest sequence; under the read lock so no writer prunes what it needs meanwhile. */
  private long pinLatest() {
    lock.readLock().lock();
    try {
      checkOpen();
      long seq = lastSeq;
      pin(seq);
      return seq;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The oldest sequence any reader may still read once batch {@code seq} is published. */
  private long horizon(long seq) {
    synchronized (pins) {
      return pins.isEmpty() ? seq : Math.min(pins.firstKey(), seq);
    }
  }

  private void apply(byte[] key, byte[] value, long seq, long horizon) {
    MemoryVersionChain chain = data.get(key);
    MemoryVersionChain next =
        (chain == null ? MemoryVersionChain.of(seq, value) : chain.push(seq, value))
            .prune(horizon);
    if (next == null) {
      data.remove(key);
    } else {
      data.put(key, next);
    }
  }
}
