package dev.megalite.engine.index;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.WriteBatch;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.yaml.IndexYaml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The composite indexes of one project, persisted in the metadata keyspace with their states.
 *
 * <p>Commits hold {@link #commitLock()} (a read lock) while they compute and write index rows, and
 * every change of the set of indexes takes the write lock: so no commit ever writes rows for an
 * index from a stale catalog — a new index is maintained by every commit after it is registered,
 * and a dropped index's rows are deleted when no commit can add more.
 */
public final class IndexRegistry {
  private final KeyValueStore store;
  private final String project;
  private final byte[] rowKey;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile IndexCatalog catalog;

  public IndexRegistry(KeyValueStore store, String project) {
    this.store = store;
    this.project = project;
    this.rowKey = RowKeys.metadata("composite-indexes/" + project);
    this.catalog = load(store.get(rowKey));
  }

  /** The current indexes. */
  public IndexCatalog catalog() {
    return catalog;
  }

  /** Held by commits while they compute and write index rows. */
  public Lock commitLock() {
    return lock.readLock();
  }

  /**
   * Registers {@code definition} as building (a no-op if it is registered), first clearing any
   * rows a previous life of the same index left. Returns the registered index.
   */
  public CompositeIndex register(IndexDefinition definition) {
    lock.writeLock().lock();
    try {
      CompositeIndex existing = catalog.byId(definition.id());
      if (existing != null) {
        return existing;
      }
      deleteRows(definition.id());
      CompositeIndex index = new CompositeIndex(definition, CompositeIndex.State.BUILDING);
      Map<Long, CompositeIndex> next = new LinkedHashMap<>(catalog.all());
      next.put(index.id(), index);
      save(next);
      return index;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Marks a built index as serving queries. */
  public void markServing(long id) {
    lock.writeLock().lock();
    try {
      CompositeIndex index = catalog.byId(id);
      if (index == null || index.state() == CompositeIndex.State.SERVING) {
        return;
      }
      Map<Long, CompositeIndex> next = new LinkedHashMap<>(catalog.all());
      next.put(id, index.withState(CompositeIndex.State.SERVING));
      save(next);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes an index and deletes all its rows. */
  public void drop(long id) {
    lock.writeLock().lock();
    try {
      if (catalog.byId(id) == null) {
        return;
      }
      Map<Long, CompositeIndex> next = new LinkedHashMap<>(catalog.all());
      next.remove(id);
      save(next);
      deleteRows(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void deleteRows(long id) {
    byte[] prefix = RowKeys.compositeIndex(project, id);
    store.deleteRange(prefix, Bytes.prefixEnd(prefix));
  }

  private void save(Map<Long, CompositeIndex> indexes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(indexes.size());
      for (CompositeIndex i : indexes.values()) {
        out.writeByte(i.state().ordinal());
        out.writeUTF(i.definition().toYaml());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (WriteBatch b = store.newWriteBatch()) {
      b.put(rowKey, bytes.toByteArray());
      store.write(b, true);
    }
    catalog = new IndexCatalog(indexes);
  }

  private static IndexCatalog load(byte[] stored) {
    if (stored == null) {
      return IndexCatalog.EMPTY;
    }
    Map<Long, CompositeIndex> indexes = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        CompositeIndex.State state = CompositeIndex.State.values()[in.readByte()];
        IndexDefinition def =
            IndexYaml.parse("indexes:\n" + in.readUTF(), "stored index").indexes().get(0);
        indexes.put(def.id(), new CompositeIndex(def, state));
      }
    } catch (IOException | RuntimeException e) {
      throw new StorageException("stored composite index definitions cannot be read: " + e, e);
    }
    return new IndexCatalog(indexes);
  }
}
