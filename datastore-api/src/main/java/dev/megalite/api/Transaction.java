package dev.megalite.api;

import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.util.List;

/**
 * An entity-group transaction with optimistic concurrency, as App Engine has them. Reads see the
 * snapshot taken at the transaction's first read and not the transaction's own writes; writes are
 * buffered and applied atomically by {@link #commit()}, which fails with a retryable {@code
 * ConcurrentModificationException} (and writes nothing) if another commit changed any entity
 * group this transaction read or writes. Not thread-safe.
 */
public interface Transaction extends AutoCloseable {

  /** The entity stored under {@code key} as of the transaction's snapshot, or null. */
  Entity get(Key key);

  /** The entities stored under {@code keys} as of the snapshot, in order, null where absent. */
  List<Entity> get(List<Key> keys);

  /**
   * Buffers a put; an incomplete key gets its id now. Returns the entity with its complete key.
   */
  Entity put(Entity entity);

  /** Buffers puts; returns the entities with complete keys, in order. */
  List<Entity> put(List<Entity> entities);

  /** Buffers a delete. */
  void delete(Key key);

  /** Buffers deletes. */
  void delete(List<Key> keys);

  /** Runs an ancestor query on the snapshot; other queries are not allowed in a transaction. */
  QueryResults<Entity> run(Query query);

  /** Applies the buffered writes atomically and returns the keys that were put, in put order. */
  List<Key> commit();

  /** Discards the buffered writes. Idempotent; a no-op after commit. */
  void rollback();

  /** Whether the transaction can still be used: not committed, rolled back or expired. */
  boolean isActive();

  /** Rolls back if still active. */
  @Override
  void close();
}
