package dev.megalite.engine.kv;

import dev.megalite.api.error.StorageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A {@link WriteBatch} for {@link MemoryKeyValueStore}: a list of copied operations. */
final class MemoryWriteBatch implements WriteBatch {

  /** One put ({@code value != null}) or delete ({@code value == null}). */
  record Op(byte[] key, byte[] value) {}

  private final MemoryKeyValueStore owner;
  private final List<Op> ops = new ArrayList<>();
  private long sizeBytes;
  private boolean closed;

  MemoryWriteBatch(MemoryKeyValueStore owner) {
    this.owner = owner;
  }

  @Override
  public void put(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkOpen();
    // Copies: the caller may reuse its arrays, and the store keeps these forever.
    ops.add(new Op(key.clone(), value.clone()));
    sizeBytes += key.length + value.length;
  }

  @Override
  public void delete(byte[] key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    ops.add(new Op(key.clone(), null));
    sizeBytes += key.length;
  }

  @Override
  public int count() {
    return ops.size();
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public void close() {
    closed = true;
  }

  MemoryKeyValueStore owner() {
    return owner;
  }

  /** The operations in the order they were added; the arrays are never mutated. */
  List<Op> ops() {
    checkOpen();
    return Collections.unmodifiableList(ops);
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("write batch is closed");
    }
  }
}
