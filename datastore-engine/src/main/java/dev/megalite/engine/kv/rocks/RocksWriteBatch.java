package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.WriteBatch;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link WriteBatch} that builds RocksDB's serialised batch in a Java array, so a batch of
 * thousands of rows crosses JNI once, when it is written, instead of once per row.
 *
 * <p>The layout is RocksDB's {@code WriteBatch} representation for the default column family: a
 * 12-byte header (sequence number, 8 bytes little-endian, filled in by RocksDB on write; record
 * count, 4 bytes little-endian), then per record a type byte ({@code 0x1} put, {@code 0x0}
 * delete), the key and, for a put, the value, each prefixed by its length as a varint32.
 * {@code RocksWriteBatchTest} checks it byte for byte against a batch built by RocksDB itself.
 *
 * <p>Keys and values are copied as they are added, so callers may reuse their arrays. The batch
 * holds nothing native, so it does not depend on the open database.
 */
final class RocksWriteBatch implements WriteBatch {
  private static final int HEADER = 12;
  private static final byte TYPE_DELETION = 0x0;
  private static final byte TYPE_VALUE = 0x1;
  /** The most bytes one varint32 length takes. */
  private static final int MAX_VARINT = 5;

  private final RocksKeyValueStore owner;
  private byte[] rep = new byte[256];
  private int length = HEADER;
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
    reserve(1L + 2 * MAX_VARINT + key.length + value.length);
    rep[length++] = TYPE_VALUE;
    append(key);
    append(value);
    count++;
    sizeBytes += key.length + value.length;
  }

  @Override
  public void delete(byte[] key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    reserve(1L + MAX_VARINT + key.length);
    rep[length++] = TYPE_DELETION;
    append(key);
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
    closed = true;
    rep = null;
  }

  RocksKeyValueStore owner() {
    return owner;
  }

  /**
   * A native batch with this batch's records, for {@link RocksKeyValueStore#write}, which closes
   * it; fails once this batch is closed.
   */
  org.rocksdb.WriteBatch toNative() {
    return new org.rocksdb.WriteBatch(serialized());
  }

  /** The serialised batch: the header (sequence number 0, RocksDB sets it) and the records. */
  byte[] serialized() {
    checkOpen();
    for (int i = 0; i < 4; i++) {
      rep[8 + i] = (byte) (count >>> (8 * i));
    }
    return Arrays.copyOf(rep, length);
  }

  private void reserve(long more) {
    long needed = length + more;
    if (needed <= rep.length) {
      return;
    }
    if (needed > Integer.MAX_VALUE - 8) {
      throw new StorageException(
          "write batch of " + count + " operations would exceed 2 GiB; write it in parts");
    }
    long grown = Math.max(needed, Math.min(2L * rep.length, Integer.MAX_VALUE - 8));
    rep = Arrays.copyOf(rep, (int) grown);
  }

  /** Appends {@code bytes} with its length as a varint32 before it. */
  private void append(byte[] bytes) {
    int n = bytes.length;
    while ((n & ~0x7F) != 0) {
      rep[length++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    rep[length++] = (byte) n;
    System.arraycopy(bytes, 0, rep, length, bytes.length);
    length += bytes.length;
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("write batch is closed");
    }
  }
}
