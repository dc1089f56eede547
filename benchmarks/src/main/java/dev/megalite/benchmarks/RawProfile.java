package dev.megalite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The RocksDB options a raw ceiling run opens its database with. */
enum RawProfile {
  /** RocksDB's defaults, with createIfMissing only. */
  DEFAULT("raw RocksDB, default options"),
  /**
   * What {@code RocksKeyValueStore.open(dir)} configures with {@code RocksOptions.defaults()}:
   * 64 MiB LRU block cache (or the harness's {@code --block-cache-mb}, which Megalite gets too),
   * whole-key bloom filters (10 bits), 2 background jobs, 64 MiB write buffer, filters on every
   * level, LZ4, 5 info logs kept. Copied here, so keep it in step.
   */
  MEGALITE("raw RocksDB, Megalite's options");

  private static final long MIB = 1024L * 1024L;

  /** The block cache of {@link #MEGALITE}: set to what Megalite is opened with. */
  private static volatile long blockCacheBytes = 64 * MIB;

  static void blockCacheBytes(long bytes) {
    blockCacheBytes = bytes;
  }

  private final String label;

  RawProfile(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Options for this profile; every native object made is pushed on {@code owned}, to close. */
  Options options(Deque<AbstractNativeReference> owned) {
    Options o = push(owned, new Options()).setCreateIfMissing(true);
    if (this == DEFAULT) {
      return o;
    }
    BlockBasedTableConfig table = new BlockBasedTableConfig();
    table.setBlockCache(push(owned, new LRUCache(blockCacheBytes)));
    table.setFilterPolicy(push(owned, new BloomFilter(10, false)));
    table.setWholeKeyFiltering(true);
    return o.setIncreaseParallelism(2)
        .setMaxBackgroundJobs(2)
        .setWriteBufferSize(64 * MIB)
        .setOptimizeFiltersForHits(false)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setKeepLogFileNum(5)
        .setTableFormatConfig(table);
  }

  /**
   * Opens (creating) a database in {@code dir} with this profile; every native object made is
   * pushed on {@code owned}, and all of them are closed if the open fails.
   */
  RocksDB open(Path dir, Deque<AbstractNativeReference> owned) {
    try {
      Files.createDirectories(dir);
      return RocksDB.open(options(owned), dir.toString());
    } catch (RocksDBException e) {
      closeAll(owned);
      throw new IllegalStateException("raw RocksDB failed in " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      closeAll(owned);
      throw new UncheckedIOException(e);
    }
  }

  static void closeAll(Deque<AbstractNativeReference> owned) {
    while (!owned.isEmpty()) {
      owned.pop().close();
    }
  }

  static Deque<AbstractNativeReference> newOwner() {
    return new ArrayDeque<>();
  }

  private static <T extends AbstractNativeReference> T push(
      Deque<AbstractNativeReference> owned, T ref) {
    owned.push(ref);
    return ref;
  }
}
