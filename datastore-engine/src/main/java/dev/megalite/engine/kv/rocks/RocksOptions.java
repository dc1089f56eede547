package dev.megalite.engine.kv.rocks;

import java.util.Objects;

/**
 * Tuning for {@link RocksKeyValueStore}. Immutable; build with {@link #newBuilder()}.
 *
 * <p>Durability is not an option here: the write-ahead log is always on, and fsync is chosen per
 * write.
 */
public final class RocksOptions {
  private static final long MIB = 1024L * 1024L;
  private static final RocksOptions DEFAULTS = newBuilder().build();

  private final long blockCacheBytes;
  private final int writeBufferMB;
  private final boolean bloomFilters;
  private final int maxBackgroundJobs;
  private final boolean createIfMissing;

  private RocksOptions(Builder b) {
    this.blockCacheBytes = b.blockCacheBytes;
    this.writeBufferMB = b.writeBufferMB;
    this.bloomFilters = b.bloomFilters;
    this.maxBackgroundJobs = b.maxBackgroundJobs;
    this.createIfMissing = b.createIfMissing;
  }

  /** 64 MiB block cache, 64 MiB write buffer, bloom filters, 2 background jobs, create dirs. */
  public static RocksOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .blockCacheBytes(blockCacheBytes)
        .writeBufferMB(writeBufferMB)
        .bloomFilters(bloomFilters)
        .maxBackgroundJobs(maxBackgroundJobs)
        .createIfMissing(createIfMissing);
  }

  /**
   * Capacity of the LRU cache for uncompressed data blocks, in bytes (64 MiB by default). A read
   * whose block is not cached reads it from the OS page cache or the disk and decompresses it, so
   * once the hot data outgrows the cache, point reads slow down several times (in the benchmark,
   * gets at 1M entities, 450 MB on disk, ran at half the 100k rate). A larger cache keeps them
   * fast at the cost of native memory outside the Java heap, up to this many bytes, which {@code
   * -Xmx} does not bound: size it to the data that is read often, and to the memory the machine
   * can spare. 0 leaves every data block uncached.
   */
  public long blockCacheBytes() {
    return blockCacheBytes;
  }

  /** Size of one memtable before it is flushed to an SST file, in MiB. */
  public int writeBufferMB() {
    return writeBufferMB;
  }

  /** Whether SST files carry whole-key bloom filters (10 bits per key). */
  public boolean bloomFilters() {
    return bloomFilters;
  }

  /** Threads for flushes and compactions. */
  public int maxBackgroundJobs() {
    return maxBackgroundJobs;
  }

  /** Whether opening a missing directory creates an empty store (otherwise it fails). */
  public boolean createIfMissing() {
    return createIfMissing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocksOptions other
        && blockCacheBytes == other.blockCacheBytes
        && writeBufferMB == other.writeBufferMB
        && bloomFilters == other.bloomFilters
        && maxBackgroundJobs == other.maxBackgroundJobs
        && createIfMissing == other.createIfMissing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        blockCacheBytes, writeBufferMB, bloomFilters, maxBackgroundJobs, createIfMissing);
  }

  @Override
  public String toString() {
    return "RocksOptions{blockCacheBytes="
        + blockCacheBytes
        + ", writeBufferMB="
        + writeBufferMB
        + ", bloomFilters="
        + bloomFilters
        + ", maxBackgroundJobs="
        + maxBackgroundJobs
        + ", createIfMissing="
        + createIfMissing
        + "}";
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private long blockCacheBytes = 64 * MIB;
    private int writeBufferMB = 64;
    private boolean bloomFilters = true;
    private int maxBackgroundJobs = 2;
    private boolean createIfMissing = true;

    private Builder() {}

    /** See {@link RocksOptions#blockCacheBytes()}: native memory traded for faster reads. */
    public Builder blockCacheBytes(long blockCacheBytes) {
      this.blockCacheBytes = blockCacheBytes;
      return this;
    }

    public Builder writeBufferMB(int writeBufferMB) {
      this.writeBufferMB = writeBufferMB;
      return this;
    }

    public Builder bloomFilters(boolean bloomFilters) {
      this.bloomFilters = bloomFilters;
      return this;
    }

    public Builder maxBackgroundJobs(int maxBackgroundJobs) {
      this.maxBackgroundJobs = maxBackgroundJobs;
      return this;
    }

    public Builder createIfMissing(boolean createIfMissing) {
      this.createIfMissing = createIfMissing;
      return this;
    }

    public RocksOptions build() {
      if (blockCacheBytes < 0) {
        throw new IllegalArgumentException(
            "blockCacheBytes is " + blockCacheBytes + "; it must be at least 0");
      }
      if (writeBufferMB < 1 || writeBufferMB > 4096) {
        throw new IllegalArgumentException(
            "writeBufferMB is " + writeBufferMB + "; it must be between 1 and 4096");
      }
      if (maxBackgroundJobs < 1) {
        throw new IllegalArgumentException(
            "maxBackgroundJobs is " + maxBackgroundJobs + "; it must be at least 1");
      }
      return new RocksOptions(this);
    }
  }
}
