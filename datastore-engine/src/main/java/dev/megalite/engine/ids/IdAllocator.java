package dev.megalite.engine.ids;

import dev.megalite.engine.IdPolicy;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.WriteBatch;
import java.nio.ByteBuffer;

/**
 * Hands out ids for incomplete keys, never the same one twice, also across restarts and crashes.
 *
 * <p>One counter per project and policy. Counters are reserved in blocks: before any id of a new
 * block is handed out, the block's end is written to the store with fsync, so after a crash
 * allocation resumes past everything that may have been handed out. Scattered ids map the counter
 * into [2^52, 2^52 + 2^51) by bit reversal, as App Engine does; sequential ids are the counter
 * itself, below 2^52.
 */
public final class IdAllocator {
  /** Sequential ids stay below this; scattered ids start at it. */
  public static final long SCATTERED_BASE = 1L << 52;

  private static final long MAX_COUNTER = (1L << 51) - 1;
  private static final int SCATTER_SHIFT = 13;
  private static final long BLOCK = 10_000;

  private final KeyValueStore store;
  private final IdPolicy policy;
  private final byte[] rowKey;
  private long next;
  private long reservedEnd;

  public IdAllocator(KeyValueStore store, String project, IdPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.rowKey = RowKeys.idAllocator(project, policy.name());
    byte[] stored = store.get(rowKey);
    this.next = stored == null ? 1 : ByteBuffer.wrap(stored).getLong();
    this.reservedEnd = next;
  }

  /** The ids for {@code count} new keys. */
  public synchronized long[] allocate(int count) {
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      if (next >= reservedEnd) {
        reserve(Math.max(BLOCK, count - i));
      }
      ids[i] = toId(next++);
    }
    return ids;
  }

  /**
   * Makes sure no later allocation hands out {@code id}, which a caller put with an explicit key
   * (only sequential ids can collide: scattered ones come from a space users do not pick from).
   */
  public synchronized void observe(long id) {
    if (policy == IdPolicy.SEQUENTIAL && id < SCATTERED_BASE && id >= next) {
      next = id + 1;
      if (next > reservedEnd) {
        reserve(BLOCK);
      }
    }
  }

  private void reserve(long size) {
    long end = next + size;
    if (end > MAX_COUNTER) {
      throw new IllegalStateException("id space of policy " + policy + " is exhausted");
    }
    try (WriteBatch b = store.newWriteBatch()) {
      b.put(rowKey, ByteBuffer.allocate(8).putLong(end).array());
      store.write(b, true);
    }
    reservedEnd = end;
  }

  private long toId(long counter) {
    return policy == IdPolicy.SEQUENTIAL
        ? counter
        : SCATTERED_BASE + Long.reverse(counter << SCATTER_SHIFT);
  }
}
