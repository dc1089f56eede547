package dev.megalite.engine;

import dev.megalite.api.Key;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.index.CompositeIndex;
import dev.megalite.engine.index.IndexRegistry;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexedValues;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.WriteBatch;
import dev.megalite.engine.quota.StoredData;
import dev.megalite.engine.quota.StoredDataDelta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Writes a new composite index's rows for the entities that already exist, while writes go on.
 *
 * <p>The index is registered (BUILDING) before the build starts, so every commit from then on
 * maintains its rows. The builder walks the kind index and, a batch at a time, takes the batch's
 * entity-group locks, reads the entities' current rows and writes their index rows; a racing
 * commit either ran before (and the builder sees its result) or runs after (and sees the index).
 * Then the index is marked SERVING.
 */
final class IndexBuilder {
  private static final int BATCH = 500;

  private final KeyValueStore store;
  private final GroupLocks locks;
  private final IndexRegistry registry;
  private final String project;
  private final StoredData stored;

  /** {@code stored} counts the rows written (null when quota accounting is off). */
  IndexBuilder(KeyValueStore store, GroupLocks locks, IndexRegistry registry, String project,
      StoredData stored) {
    this.store = store;
    this.stored = stored;
    this.locks = locks;
    this.registry = registry;
    this.project = project;
  }

  /** Builds {@code index} over existing entities, counting them in {@code progress}. */
  void build(CompositeIndex index, AtomicLong progress, BooleanSupplier stop) {
    String kind = index.definition().kind();
    byte[] lower = RowKeys.project(Keyspace.KIND_INDEX, project);
    List<Key> batch = new ArrayList<>(BATCH);
    try (KvIterator it = store.iterator(lower, Bytes.prefixEnd(lower))) {
      for (it.seekToFirst(); it.valid() && !stop.getAsBoolean(); it.next()) {
        TupleReader r = new TupleReader(it.key());
        r.keyspace();
        r.name();
        String namespace = r.name();
        if (!r.name().equals(kind)) {
          continue;
        }
        batch.add(Key.of(project, namespace, r.path()));
        if (batch.size() == BATCH) {
          writeBatch(index, batch, progress);
          batch.clear();
        }
      }
    }
    if (stop.getAsBoolean()) {
      return; // stays BUILDING; the next open resumes it
    }
    writeBatch(index, batch, progress);
    registry.markServing(index.id());
  }

  private void writeBatch(CompositeIndex index, List<Key> keys, AtomicLong progress) {
    if (keys.isEmpty()) {
      return;
    }
    Set<Key> roots = new LinkedHashSet<>();
    List<byte[]> rowKeys = new ArrayList<>(keys.size());
    for (Key k : keys) {
      roots.add(k.root());
      rowKeys.add(RowKeys.entity(k));
    }
    registry.commitLock().lock();
    int[] held = locks.lock(roots);
    try {
      if (registry.catalog().byId(index.id()) == null) {
        return; // dropped while building
      }
      List<byte[]> rows = store.multiGet(rowKeys);
      try (WriteBatch b = store.newWriteBatch()) {
        List<IndexRow> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
          if (rows.get(i) == null) {
            continue;
          }
          index.rows(keys.get(i), IndexedValues.of(EntityCodec.decode(keys.get(i), rows.get(i))), out);
        }
        for (IndexRow r : out) {
          b.put(r.key(), r.value());
        }
        // Index builds are never refused for stored data: they may take it past its limit.
        StoredDataDelta delta = stored == null ? null : stored.indexRows(index.id(), out, store);
        if (delta != null) {
          stored.stage(delta, b, false);
        }
        boolean written = false;
        try {
          store.write(b, false);
          written = true;
        } finally {
          if (delta != null) {
            if (written) {
              stored.applied(delta);
            } else {
              stored.abandoned(delta);
            }
          }
        }
      }
      progress.addAndGet(keys.size());
    } finally {
      locks.unlock(held);
      registry.commitLock().unlock();
    }
  }
}
