package dev.megalite.engine;

import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.WriteBatch;
import java.nio.ByteBuffer;

/**
 * The store-wide commit sequence: every commit takes the next number, which becomes the version of
 * the entities and entity groups it writes. Numbers are reserved in durable blocks, so they only
 * ever grow, also across crashes (gaps are harmless).
 */
final class CommitSequence {
  private static final long BLOCK = 1_000_000;

  private final KeyValueStore store;
  private final byte[] rowKey = RowKeys.metadata("commit-sequence");
  private long last;
  private long reservedEnd;

  CommitSequence(KeyValueStore store) {
    this.store = store;
    byte[] stored = store.get(rowKey);
    last = stored == null ? 0 : ByteBuffer.wrap(stored).getLong();
    reservedEnd = last;
  }

  /** The last number handed out: every commit so far has a version at most this. */
  synchronized long current() {
    return last;
  }

  synchronized long next() {
    if (last >= reservedEnd) {
      long end = last + BLOCK;
      try (WriteBatch b = store.newWriteBatch()) {
        b.put(rowKey, ByteBuffer.allocate(8).putLong(end).array());
        store.write(b, true);
      }
      reservedEnd = end;
    }
    return ++last;
  }
}
