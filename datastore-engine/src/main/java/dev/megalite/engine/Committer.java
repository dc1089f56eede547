package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRegistry;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexRows;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a set of mutations as one atomic commit: entity rows, the difference of their index rows
 * and the new versions of their entity groups go into one write batch, under the locks of those
 * groups, so an entity and its index rows never disagree, even after a crash.
 */
final class Committer {
  private final KeyValueStore store;
  private final CommitSequence sequence;
  private final GroupLocks locks;
  private final boolean sync;
  private final IndexRegistry indexes;
  private final Limits limits;
  private final CommitQuota quota;
  private CommitListener listener = CommitListener.NONE;

  Committer(KeyValueStore store, CommitSequence sequence, GroupLocks locks, boolean sync,
      IndexRegistry indexes, Limits limits, CommitQuota quota) {
    this.store = store;
    this.quota = quota;
    this.indexes = indexes;
    this.limits = limits;
    this.sequence = sequence;
    this.locks = locks;
    this.sync = sync;
  }

  /** Tells {@code listener} about every commit from now on; set before the first commit. */
  void listener(CommitListener listener) {
    this.listener = listener;
  }

  /** Commits {@code mutations} (the last one per key wins) and returns the commit's version. */
  long commit(List<Mutation> mutations) {
    return commit(mutations, Map.of());
  }

  /**
   * Commits {@code mutations} if every entity group in {@code expectedVersions} still has the
   * version recorded there (0 for a group never written); otherwise writes nothing and throws
   * {@link ConcurrentModificationException}. The expected groups are locked with the written ones,
   * so nothing can commit to them between the check and the write.
   */
  long commit(List<Mutation> mutations, Map<Key, Long> expectedVersions) {
    indexes.commitLock().lock();
    try {
      return commitLocked(mutations, expectedVersions, indexes.catalog());
    } finally {
      indexes.commitLock().unlock();
    }
  }

  private long commitLocked(
      List<Mutation> mutations, Map<Key, Long> expectedVersions, IndexCatalog catalog) {
    Map<Key, Mutation> byKey = new LinkedHashMap<>();
    for (Mutation m : mutations) {
      byKey.put(m.key(), m);
    }
    int n = byKey.size();
    List<Mutation> ms = new ArrayList<>(byKey.values());
    List<byte[]> rowKeys = new ArrayList<>(n);
    byte[][] encoded = new byte[n][];
    List<List<IndexRow>> newRows = new ArrayList<>(n);
    Set<Key> roots = new LinkedHashSet<>();
    IndexRows indexRows = new IndexRows(limits.maxIndexedStringBytes());
    ByteSink sink = new ByteSink(512);
    CommitQuota.Costs costs = quota.costs(n);
    for (int i = 0; i < n; i++) {
      Mutation m = ms.get(i);
      byte[] rowKey = RowKeys.entity(m.key());
      check("key size in bytes", limits.maxKeyBytes(), rowKey.length, m.key());
      rowKeys.add(rowKey);
      roots.add(m.key().root());
      if (m.isDelete()) {
        newRows.add(List.of());
        costs.delete(i, m.key().kind(), rowKey.length);
      } else {
        encoded[i] = EntityCodec.encode(m.entity(), 0, sink);
        check("encoded entity size in bytes", limits.maxEntityBytes(), encoded[i].length, m.key());
        List<IndexRow> rows = indexRows.rows(m.key(), m.entity(), catalog);
        // Every row but the kind row is an index entry (built-in values and composite rows).
        check("index entries per entity", limits.maxIndexEntriesPerEntity(), rows.size() - 1,
            m.key());
        newRows.add(rows);
        costs.put(i, m.key().kind(), rowKey.length, encoded[i].length, rows);
      }
    }

    Set<Key> lockRoots = roots;
    if (!expectedVersions.isEmpty()) {
      lockRoots = new LinkedHashSet<>(roots);
      lockRoots.addAll(expectedVersions.keySet());
    }
    CommitQuota.Charge charge = quota.begin(costs, rowKeys, encoded, newRows, catalog, store);
    int[] held = locks.lock(lockRoots);
    try {
      List<byte[]> old = readUnderLocks(rowKeys, expectedVersions);
      long version = sequence.next();
      try (WriteBatch batch = store.newWriteBatch()) {
        for (int i = 0; i < n; i++) {
          Mutation m = ms.get(i);
          byte[] before = old.get(i);
          List<IndexRow> oldRows =
              before == null
                  ? List.of()
                  : indexRows.rows(m.key(), EntityCodec.decode(m.key(), before), catalog);
          charge.entity(i, before, oldRows);
          if (m.isDelete()) {
            if (before != null) {
              batch.delete(rowKeys.get(i));
            }
          } else {
            ByteBuffer.wrap(encoded[i]).putLong(1, version);
            batch.put(rowKeys.get(i), encoded[i]);
          }
          applyDiff(batch, oldRows, newRows.get(i));
        }
        byte[] versionBytes = ByteBuffer.allocate(8).putLong(version).array();
        for (Key root : roots) {
          batch.put(RowKeys.group(root), versionBytes);
        }
        charge.stage(batch);
        listener.beforeWrite(roots);
        store.write(batch, sync);
        charge.written();
      }
      return version;
    } finally {
      charge.release();
      locks.unlock(held);
    }
  }

  private static void check(String limit, int allowed, long actual, Key key) {
    if (actual > allowed) {
      throw new LimitExceededException(limit, allowed, actual, key.toString());
    }
  }

  /**
   * Reads the stored rows of {@code rowKeys} and checks that no group in {@code expected} moved,
   * in one multi-get: a transaction's commit needs both, and each native call costs microseconds.
   * Returns the rows of {@code rowKeys}, null where absent.
   */
  private List<byte[]> readUnderLocks(List<byte[]> rowKeys, Map<Key, Long> expected) {
    if (expected.isEmpty()) {
      return store.multiGet(rowKeys);
    }
    List<Key> groups = new ArrayList<>(expected.keySet());
    List<byte[]> keys = new ArrayList<>(rowKeys.size() + groups.size());
    keys.addAll(rowKeys);
    for (Key g : groups) {
      keys.add(RowKeys.group(g));
    }
    List<byte[]> rows = store.multiGet(keys);
    int n = rowKeys.size();
    for (int i = 0; i < groups.size(); i++) {
      long current = groupVersion(rows.get(n + i));
      if (current != expected.get(groups.get(i))) {
        throw new ConcurrentModificationException(
            "(entity group " + groups.get(i) + " was changed by another commit)");
      }
    }
    return rows.subList(0, n);
  }

  /** The version stored in a group row (0 for a group that was never written). */
  static long groupVersion(byte[] row) {
    return row == null ? 0 : ByteBuffer.wrap(row).getLong();
  }

  private static void applyDiff(WriteBatch batch, List<IndexRow> oldRows, List<IndexRow> newRows) {
    if (oldRows.isEmpty()) {
      for (IndexRow r : newRows) {
        batch.put(r.key(), r.value());
      }
      return;
    }
    Set<IndexRow> keep = new HashSet<>(newRows);
    Set<IndexRow> had = new HashSet<>(oldRows);
    Set<ByteBuffer> rewritten = new HashSet<>();
    for (IndexRow r : newRows) {
      if (!had.contains(r)) {
        batch.put(r.key(), r.value());
        rewritten.add(ByteBuffer.wrap(r.key()));
      }
    }
    for (IndexRow r : oldRows) {
      if (!keep.contains(r) && !rewritten.contains(ByteBuffer.wrap(r.key()))) {
        batch.delete(r.key());
      }
    }
  }
}
