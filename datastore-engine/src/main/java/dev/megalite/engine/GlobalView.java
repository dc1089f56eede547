package dev.megalite.engine;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;
import java.util.List;

/**
 * What one global query reads under {@link EventualConsistency}: a snapshot of the store, taken at
 * the first read (after the query was planned, which may build an index), with the groups that
 * are hidden at that moment shown as they were. Closing it releases the snapshot. Not thread-safe,
 * like the query that owns it.
 *
 * <p>It is a {@link Snapshot} in the sense that matters to a query: one fixed state, closed once.
 */
final class GlobalView implements Snapshot {
  private final KeyValueStore store;
  private final EventualConsistency consistency;
  private Snapshot current;
  private ReadView view;
  private boolean closed;

  GlobalView(KeyValueStore store, EventualConsistency consistency) {
    this.store = store;
    this.consistency = consistency;
  }

  @Override
  public byte[] get(byte[] key) {
    return view().get(key);
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    return view().multiGet(keys);
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    return view().iterator(lower, upper);
  }

  private ReadView view() {
    if (closed) {
      throw new StorageException("the query's view is closed");
    }
    if (view == null) {
      current = store.snapshot();
      try {
        view = consistency.overlay(current);
      } catch (RuntimeException e) {
        current.close();
        current = null;
        throw e;
      }
    }
    return view;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      view = null;
      if (current != null) {
        current.close();
      }
    }
  }
}
