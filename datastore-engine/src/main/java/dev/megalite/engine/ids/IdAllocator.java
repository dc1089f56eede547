package dev.megalite.engine.ids;

import dev.megalite.api.error.LimitExceededException;
import dev.megalite.engine.IdPolicy;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
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

  private static final long MAX_SCATTERED_COUNTER = (1L << 51) - 1;
  private static final long MAX_SEQUENTIAL_ID = SCATTERED_BASE - 1;
  private static final int SCATTER_SHIFT = 13;
  private static final long BLOCK = 10_000;

  private final KeyValueStore store;
  private final IdPolicy policy;
  private final byte[] rowKey;
  private final String project;
  /** Scattered counters at or past {@code next} whose ids were reserved; allocation skips them. */
  private final java.util.TreeSet<Long> skipped = new java.util.TreeSet<>();
  private long next;
  private long reservedEnd;

  public IdAllocator(KeyValueStore store, String project, IdPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.project = project;
    this.rowKey = RowKeys.idAllocator(project, policy.name());
    byte[] stored = store.get(rowKey);
    this.next = stored == null ? 1 : ByteBuffer.wrap(stored).getLong();
    this.reservedEnd = next;
    byte[] scope = RowKeys.reservedIds(project, policy.name());
    try (KvIterator it = store.iterator(scope, Bytes.prefixEnd(scope))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        long counter = ByteBuffer.wrap(it.key(), it.key().length - 8, 8).getLong();
        if (counter >= next) {
          skipped.add(counter);
        }
      }
    }
  }

  /** The ids for {@code count} new keys. */
  public synchronized long[] allocate(int count) {
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      while (!skipped.isEmpty() && skipped.remove(next)) {
        next++;
      }
      if (next >= reservedEnd) {
        if (next > maxCounter()) {
          throw new LimitExceededException(
              "ids allocated with policy " + policy, maxCounter(), next,
              "the id space is exhausted");
        }
        reserveUpTo(next + Math.max(BLOCK, count - i));
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
      if (id + 1 > reservedEnd) {
        reserveUpTo(id + 1 + BLOCK);
      }
      next = id + 1;
    }
  }

  /**
   * Makes sure allocation never hands out {@code id} (ReserveIds). A sequential id moves the
   * counter past it; a scattered one, whose counter allocation has not reached yet, is recorded
   * durably and skipped when allocation gets there. Ids outside the policy's space cannot collide.
   */
  public synchronized void reserve(long id) {
    if (policy == IdPolicy.SEQUENTIAL) {
      observe(id);
      return;
    }
    if (id < SCATTERED_BASE) {
      return;
    }
    long counter = Long.reverse(id - SCATTERED_BASE) >>> SCATTER_SHIFT;
    if (toId(counter) != id || counter < next || counter > MAX_SCATTERED_COUNTER
        || !skipped.add(counter)) {
      return;
    }
    try (WriteBatch b = store.newWriteBatch()) {
      b.put(RowKeys.reservedId(project, policy.name(), counter), new byte[0]);
      store.write(b, true);
    }
  }

  private long maxCounter() {
    return policy == IdPolicy.SEQUENTIAL ? MAX_SEQUENTIAL_ID : MAX_SCATTERED_COUNTER;
  }

  /** Durably reserves every counter below {@code end} (capped just past the id space). */
  private void reserveUpTo(long end) {
    long capped = Math.min(end, maxCounter() + 1);
    try (WriteBatch b = store.newWriteBatch()) {
      b.put(rowKey, ByteBuffer.allocate(8).putLong(capped).array());
      store.write(b, true);
    }
    reservedEnd = capped;
  }

  private long toId(long counter) {
    return policy == IdPolicy.SEQUENTIAL
        ? counter
        : SCATTERED_BASE + Long.reverse(counter << SCATTER_SHIFT);
  }
}
