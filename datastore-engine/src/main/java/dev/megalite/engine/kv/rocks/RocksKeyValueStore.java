package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.kv.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.LogFile;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} in a RocksDB directory, using the default column family only.
 *
 * <p>Native safety: every call takes a read lock and {@link #close()} the write lock, so the
 * database is never closed under a running call, and any call after close throws {@link
 * StorageException}. Iterators and snapshots still open at close are freed by the store.
 * Iterators read a consistent view as of their creation (RocksDB's implicit snapshot).
 */
public final class RocksKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private static final long MIB = 1024L * 1024L;

  private final Path dir;
  private final RocksDB db;
  /** Everything native except the DB, freed after it in reverse order. */
  private final Deque<AbstractNativeReference> resources;

  private final WriteOptions syncWrite;
  private final WriteOptions asyncWrite;
  private final FlushOptions flushOptions;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<RocksKvIterator> openIterators = ConcurrentHashMap.newKeySet();
  private final Set<RocksSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private RocksKeyValueStore(
      Path dir,
      RocksDB db,
      Deque<AbstractNativeReference> resources,
      WriteOptions syncWrite,
      WriteOptions asyncWrite,
      FlushOptions flushOptions) {
    this.dir = dir;
    this.db = db;
    this.resources = resources;
    this.syncWrite = syncWrite;
    this.asyncWrite = asyncWrite;
    this.flushOptions = flushOptions;
  }

  /** Opens (by default creating) the store in {@code dir} with default options. */
  public static RocksKeyValueStore open(Path dir) {
    return open(dir, RocksOptions.defaults());
  }

  /**
   * Opens the store in {@code dir}. Fails with {@link StorageException} if the directory is
   * missing (and {@link RocksOptions#createIfMissing()} is off), or locked by another process.
   */
  public static RocksKeyValueStore open(Path dir, RocksOptions options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    Path path = dir.toAbsolutePath();
    if (options.createIfMissing()) {
      try {
        Files.createDirectories(path); // RocksDB creates only the last level itself
      } catch (IOException e) {
        throw new StorageException("cannot create RocksDB directory " + path + ": " + e, e);
      }
    }
    Deque<AbstractNativeReference> resources = new ArrayDeque<>();
    try {
      Options rocksOptions = configure(options, resources);
      WriteOptions syncWrite = push(resources, new WriteOptions().setSync(true));
      WriteOptions asyncWrite = push(resources, new WriteOptions().setSync(false));
      FlushOptions flushOptions = push(resources, new FlushOptions().setWaitForFlush(true));
      RocksDB db = RocksDB.open(rocksOptions, path.toString());
      return new RocksKeyValueStore(path, db, resources, syncWrite, asyncWrite, flushOptions);
    } catch (RocksDBException e) {
      closeAll(resources);
      throw RocksErrors.translate("open", path, e);
    } catch (RuntimeException | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  private static Options configure(RocksOptions options, Deque<AbstractNativeReference> resources) {
    BlockBasedTableConfig table = new BlockBasedTableConfig();
    table.setBlockCache(push(resources, new LRUCache(options.blockCacheBytes())));
    if (options.bloomFilters()) {
      // Whole-key filters with no prefix extractor: point gets are exact keys, and scans use
      // iterator bounds, which bloom filters do not help anyway.
      table.setFilterPolicy(push(resources, new BloomFilter(10, false)));
      table.setWholeKeyFiltering(true);
    }
    Options rocks = push(resources, new Options());
    rocks
        .setCreateIfMissing(options.createIfMissing())
        // Before setMaxBackgroundJobs: it also sets the job count.
        .setIncreaseParallelism(options.maxBackgroundJobs())
        .setMaxBackgroundJobs(options.maxBackgroundJobs())
        .setWriteBufferSize(options.writeBufferMB() * MIB)
        // Misses are common (existence checks, index lookups), so keep filters on every level.
        .setOptimizeFiltersForHits(false)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        // The info LOG rolls over on every open; old copies are of no use to us.
        .setKeepLogFileNum(5)
        .setTableFormatConfig(table);
    return rocks;
  }

  @Override
  public byte[] get(byte[] key) {
    Objects.requireNonNull(key, "key");
    return guarded("get", () -> db.get(key));
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    Objects.requireNonNull(keys, "keys");
    return guarded("multiGet", () -> multiGet(db, null, keys));
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    return newIterator(lower, upper, null);
  }

  @Override
  public WriteBatch newWriteBatch() {
    checkOpen("newWriteBatch");
    return new RocksWriteBatch(this);
  }

  @Override
  public void write(WriteBatch batch, boolean sync) {
    if (!(batch instanceof RocksWriteBatch) || ((RocksWriteBatch) batch).owner() != this) {
      throw new IllegalArgumentException("the batch was not created by this store");
    }
    RocksWriteBatch rocksBatch = (RocksWriteBatch) batch;
    guarded(
        "write",
        () -> {
          try (org.rocksdb.WriteBatch nativeBatch = rocksBatch.toNative()) {
            db.write(sync ? syncWrite : asyncWrite, nativeBatch);
          }
          return null;
        });
  }

  @Override
  public Snapshot snapshot() {
    return guarded(
        "snapshot",
        () -> {
          RocksSnapshot snapshot = new RocksSnapshot(this, db);
          openSnapshots.add(snapshot);
          return snapshot;
        });
  }

  /** Synced, like {@code write(batch, true)}: range deletes are rare and usually a reset. */
  @Override
  public void deleteRange(byte[] lower, byte[] upper) {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    int cmp = Arrays.compareUnsigned(lower, upper);
    if (cmp > 0) {
      throw new IllegalArgumentException("deleteRange: lower bound is after upper bound");
    }
    if (cmp == 0) {
      return;
    }
    guarded(
        "deleteRange",
        () -> {
          db.deleteRange(syncWrite, lower, upper);
          return null;
        });
  }

  @Override
  public void flush() {
    guarded(
        "flush",
        () -> {
          db.flushWal(true);
          db.flush(flushOptions);
          return null;
        });
  }

  /** Live SST files plus write-ahead log files: what the data occupies on disk now. */
  @Override
  public long approximateSizeBytes() {
    return guarded(
        "approximateSizeBytes",
        () -> {
          long bytes = db.getLongProperty("rocksdb.live-sst-files-size");
          for (LogFile wal : db.getSortedWalFiles()) {
            bytes += wal.sizeFileBytes();
          }
          return bytes;
        });
  }

  /**
   * Idempotent. Syncs the write-ahead log, frees open iterators and snapshots, then closes the
   * database; later calls on the store or anything it made throw {@link StorageException}.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (RocksKvIterator iterator : openIterators) {
        iterator.releaseNative();
      }
      openIterators.clear();
      for (RocksSnapshot snapshot : openSnapshots) {
        snapshot.forceRelease();
      }
      openSnapshots.clear();
      try {
        db.syncWal();
        db.closeE();
      } catch (RocksDBException e) {
        throw RocksErrors.translate("close", dir, e);
      } finally {
        db.close(); // a no-op after closeE; frees the handle if closeE failed
        closeAll(resources);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The directory this store lives in, as an absolute path. */
  public Path directory() {
    return dir;
  }

  @Override
  public String toString() {
    return "RocksKeyValueStore{" + dir + (closed ? ", closed}" : "}");
  }

  // Package-private plumbing for the batch, snapshot and iterator classes.

  /** A native call that may fail with {@link RocksDBException}. */
  @FunctionalInterface
  interface RocksCall<T> {
    T call() throws RocksDBException;
  }

  /** Runs {@code call} under the read lock on an open store, translating native errors. */
  <T> T guarded(String operation, RocksCall<T> call) {
    lock.readLock().lock();
    try {
      checkOpen(operation);
      return call.call();
    } catch (RocksDBException e) {
      throw RocksErrors.translate(operation, dir, e);
    } finally {
      lock.readLock().unlock();
    }
  }

  static List<byte[]> multiGet(RocksDB db, ReadOptions readOptions, List<byte[]> keys)
      throws RocksDBException {
    if (keys.isEmpty()) {
      return List.of();
    }
    for (byte[] key : keys) {
      Objects.requireNonNull(key, "key");
    }
    return readOptions == null ? db.multiGetAsList(keys) : db.multiGetAsList(readOptions, keys);
  }

  /** An iterator on the live store ({@code snapshot == null}) or on {@code snapshot}. */
  KvIterator newIterator(byte[] lower, byte[] upper, RocksSnapshot snapshot) {
    Objects.requireNonNull(lower, "lower");
    byte[] lowerCopy = lower.clone();
    return guarded(
        snapshot == null ? "iterator" : "snapshot iterator",
        () -> {
          if (snapshot != null) {
            snapshot.retain();
          }
          Deque<AbstractNativeReference> natives = new ArrayDeque<>();
          try {
            Slice lowerSlice = push(natives, new Slice(lowerCopy));
            Slice upperSlice = upper == null ? null : push(natives, new Slice(upper));
            ReadOptions readOptions =
                push(natives, new ReadOptions().setFillCache(true))
                    .setIterateLowerBound(lowerSlice);
            if (upperSlice != null) {
              readOptions.setIterateUpperBound(upperSlice);
            }
            if (snapshot != null) {
              snapshot.applyTo(readOptions);
            }
            RocksKvIterator iterator =
                new RocksKvIterator(
                    this,
                    lowerCopy,
                    db.newIterator(readOptions),
                    readOptions,
                    lowerSlice,
                    upperSlice,
                    snapshot);
            openIterators.add(iterator);
            return iterator;
          } catch (RuntimeException | Error e) {
            closeAll(natives);
            if (snapshot != null) {
              snapshot.unref();
            }
            throw e;
          }
        });
  }

  /** Closes {@code iterator} unless the store's close already freed it. */
  void release(RocksKvIterator iterator) {
    lock.readLock().lock();
    try {
      if (!closed && openIterators.remove(iterator)) {
        iterator.releaseNative();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Closes {@code snapshot} unless the store's close already freed it. */
  void closeSnapshot(RocksSnapshot snapshot) {
    lock.readLock().lock();
    try {
      if (!closed) {
        snapshot.closeByOwner();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Called once the native snapshot is released. */
  void forget(RocksSnapshot snapshot) {
    openSnapshots.remove(snapshot);
  }

  private void checkOpen(String operation) {
    if (closed) {
      throw RocksErrors.closed(operation, dir);
    }
  }

  private static <T extends AbstractNativeReference> T push(
      Deque<AbstractNativeReference> resources, T resource) {
    resources.push(resource);
    return resource;
  }

  private static void closeAll(Deque<AbstractNativeReference> resources) {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }
}
