package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.WriteBatch;
import java.util.Objects;
import org.rocksdb.RocksDBException;

/**
 * A {@link WriteBatch} backed by a native {@link org.rocksdb.WriteBatch}.
 *
 * <p>The native batch copies keys and values as they are added, so callers may reuse their arrays.
 * It does not depend on the open database, so closing the store does not close it.
 */
final class RocksWriteBatch implements WriteBatch {
  private final RocksKeyValueStore owner;
  private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
  private int count;
  private long sizeBytes;
  private boolean closed;

  RocksWriteBatch(RocksKeyValueStore owner) {
    this.owner = owner;
  }

  @Override
  public void put(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkOpen();
    try {
      batch.put(key, value);
    } catch (RocksDBException e) {
      throw RocksErrors.translate("batch put", owner.directory(), e);
    }
    count++;
    sizeBytes += key.length + value.length;
  }

  @Override
  public void delete(byte[] key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    try {
      batch.delete(key);
    } catch (RocksDBException e) {
      throw RocksErrors.translate("batch delete", owner.directory(), e);
    }
    count++;
    sizeBytes += key.length;
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      batch.close();
    }
  }

  RocksKeyValueStore owner() {
    return owner;
  }

  /** The native batch, for {@link RocksKeyValueStore#write}; fails once closed. */
  org.rocksdb.WriteBatch nativeBatch() {
    checkOpen();
    return batch;
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("write batch is closed");
    }
  }
}
