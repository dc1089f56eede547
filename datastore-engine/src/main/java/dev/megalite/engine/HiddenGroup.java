package dev.megalite.engine;

import dev.megalite.api.Key;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexRows;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.OverlayView;
import dev.megalite.engine.kv.ReadView;
import java.util.Arrays;

/**
 * An entity group whose latest writes global queries do not see yet: its root, the store as it
 * was before the oldest of those writes, and when the group rolls forward on its own.
 *
 * <p>{@link #patchInto} turns that into rows: for every entity of the group whose row differs
 * between now and then, the entity row as it was and the index rows of that old entity replace
 * the entity's current rows. Index rows are computed from the entities, with the current index
 * catalog, so an index built since still shows the group consistently. The rows are cached until
 * the group's version or the catalog changes.
 */
final class HiddenGroup {
  private record Cached(long version, IndexCatalog catalog, OverlayView.Patch patch) {}

  private final Key root;
  private final byte[] groupRow;
  private final EventualConsistency.SharedSnapshot before;
  private final long deadlineNanos;
  private volatile Cached cached;

  HiddenGroup(Key root, EventualConsistency.SharedSnapshot before, long deadlineNanos) {
    this.root = root;
    this.groupRow = RowKeys.group(root);
    this.before = before;
    this.deadlineNanos = deadlineNanos;
  }

  Key root() {
    return root;
  }

  /** The key of the group's version row. */
  byte[] groupRow() {
    return groupRow;
  }

  EventualConsistency.SharedSnapshot before() {
    return before;
  }

  /** Whether the group is due to roll forward at {@code nowNanos}. */
  boolean dueAt(long nowNanos) {
    return nowNanos - deadlineNanos >= 0;
  }

  /**
   * Adds to {@code out} the rows that make {@code current}, where the group has {@code version},
   * show the group as it was before its unapplied writes. The caller holds a reference on the
   * group's snapshot.
   */
  void patchInto(ReadView current, long version, IndexCatalog catalog, IndexRows rows,
      OverlayView.Patch out) {
    Cached c = cached;
    if (c == null || c.version() != version || c.catalog() != catalog) {
      c = new Cached(version, catalog, diff(current, catalog, rows));
      cached = c;
    }
    out.putAll(c.patch());
  }

  /** Walks the group's entity rows now and then side by side and patches those that differ. */
  private OverlayView.Patch diff(ReadView current, IndexCatalog catalog, IndexRows rows) {
    byte[] lower = RowKeys.entityDescendants(root);
    byte[] upper = Bytes.prefixEnd(lower);
    OverlayView.Patch patch = new OverlayView.Patch();
    try (KvIterator now = current.iterator(lower, upper);
        KvIterator then = before.snapshot().iterator(lower, upper)) {
      now.seekToFirst();
      then.seekToFirst();
      while (now.valid() || then.valid()) {
        int cmp = !now.valid() ? 1
            : !then.valid() ? -1
            : Arrays.compareUnsigned(now.key(), then.key());
        byte[] rowKey = cmp <= 0 ? now.key() : then.key();
        byte[] nowRow = cmp <= 0 ? now.value() : null;
        byte[] thenRow = cmp >= 0 ? then.value() : null;
        if (!Arrays.equals(nowRow, thenRow)) {
          restore(rowKey, nowRow, thenRow, catalog, rows, patch);
        }
        if (cmp <= 0) {
          now.next();
        }
        if (cmp >= 0) {
          then.next();
        }
      }
    }
    return patch;
  }

  /** Hides the entity's current rows ({@code nowRow}) and shows its old ones ({@code thenRow}). */
  private static void restore(byte[] rowKey, byte[] nowRow, byte[] thenRow, IndexCatalog catalog,
      IndexRows rows, OverlayView.Patch patch) {
    Key key = RowKeys.entityKey(rowKey);
    if (nowRow != null) {
      for (IndexRow r : rows.rows(key, EntityCodec.decode(key, nowRow), catalog)) {
        patch.remove(r.key());
      }
    }
    if (thenRow == null) {
      patch.remove(rowKey);
      return;
    }
    patch.put(rowKey, thenRow);
    for (IndexRow r : rows.rows(key, EntityCodec.decode(key, thenRow), catalog)) {
      patch.put(r.key(), r.value());
    }
  }
}
