package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.TransactionClosedException;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.query.QueryExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction of the engine: reads from a snapshot taken at the first read, records the
 * version of every entity group it touches as of that snapshot, buffers writes, and commits them
 * through the {@link Committer} only if none of those groups moved.
 */
final class EngineTransaction implements Transaction {
  private enum State {
    ACTIVE,
    COMMITTED,
    ROLLED_BACK,
    EXPIRED
  }

  private final EngineDatastore datastore;
  private final KeyValueStore store;
  private final Committer committer;
  private final TransactionOptions options;
  private final long deadlineNanos;
  private final Map<Key, Long> groups = new LinkedHashMap<>();
  private final Map<Key, Mutation> writes = new LinkedHashMap<>();
  private final List<Key> putKeys = new ArrayList<>();
  private Snapshot snapshot;
  private State state = State.ACTIVE;

  EngineTransaction(
      EngineDatastore datastore, KeyValueStore store, Committer committer, TransactionOptions options) {
    this.datastore = datastore;
    this.store = store;
    this.committer = committer;
    this.options = options;
    this.deadlineNanos = System.nanoTime() + options.deadline().toNanos();
  }

  @Override
  public Entity get(Key key) {
    return get(List.of(key)).get(0);
  }

  @Override
  public List<Entity> get(List<Key> keys) {
    checkActive();
    if (keys.size() > datastore.limits().maxKeysPerGet()) {
      throw new LimitExceededException(
          "keys per batch get", datastore.limits().maxKeysPerGet(), keys.size(), "");
    }
    List<byte[]> rowKeys = new ArrayList<>(keys.size());
    for (Key k : keys) {
      datastore.checkKey(k);
      touch(k.root());
      rowKeys.add(RowKeys.entity(k));
    }
    return EngineDatastore.read(snapshot(), keys, rowKeys);
  }

  @Override
  public Entity put(Entity entity) {
    return put(List.of(entity)).get(0);
  }

  @Override
  public List<Entity> put(List<Entity> entities) {
    checkWritable();
    List<Entity> complete = datastore.completeKeys(entities);
    for (Entity e : complete) {
      Key k = e.completeKey();
      touch(k.root());
    }
    for (int i = 0; i < complete.size(); i++) {
      Entity e = complete.get(i);
      writes.put(e.completeKey(), Mutation.put(e));
      if (!putKeys.contains(e.completeKey())) {
        putKeys.add(e.completeKey());
      }
    }
    return complete;
  }

  @Override
  public void delete(Key key) {
    delete(List.of(key));
  }

  @Override
  public void delete(List<Key> keys) {
    checkWritable();
    for (Key k : keys) {
      datastore.checkKey(k);
      touch(k.root());
    }
    for (Key k : keys) {
      writes.put(k, Mutation.delete(k));
      putKeys.remove(k);
    }
  }

  @Override
  public QueryResults<Entity> run(Query query) {
    checkActive();
    if (query == null) {
      throw new BadRequestException("query is null");
    }
    if (query.ancestor() == null) {
      throw new BadRequestException("Only ancestor queries are allowed inside transactions.");
    }
    datastore.checkKey(query.ancestor());
    touch(query.ancestor().root());
    return QueryExecutor.run(datastore.plan(query), snapshot());
  }

  @Override
  public List<Key> commit() {
    checkActive();
    try {
      if (!options.readOnly() && !writes.isEmpty()) {
        committer.commit(new ArrayList<>(writes.values()), groups);
      }
      state = State.COMMITTED;
      return List.copyOf(putKeys);
    } catch (ConcurrentModificationException e) {
      state = State.ROLLED_BACK;
      throw e;
    } finally {
      if (state != State.ACTIVE) {
        release();
      }
    }
  }

  @Override
  public void rollback() {
    if (state == State.ACTIVE) {
      state = State.ROLLED_BACK;
    }
    release();
  }

  @Override
  public boolean isActive() {
    if (state == State.ACTIVE && System.nanoTime() - deadlineNanos > 0) {
      expire();
    }
    return state == State.ACTIVE;
  }

  /** Whether the caller already committed or rolled back (expiry does not count). */
  boolean endedByCaller() {
    return state == State.COMMITTED || state == State.ROLLED_BACK;
  }

  @Override
  public void close() {
    rollback();
  }

  /** Records the version of {@code root}'s group as of the snapshot, the first time it is touched. */
  private void touch(Key root) {
    if (groups.containsKey(root)) {
      return;
    }
    int max = options.crossGroup() ? datastore.limits().maxEntityGroupsPerTransaction() : 1;
    if (groups.size() >= max) {
      if (!options.crossGroup()) {
        throw new BadRequestException(
            "cross-group transaction need to be explicitly specified: this transaction uses entity"
                + " group " + groups.keySet().iterator().next() + " and now touches " + root
                + "; use TransactionOptions.newBuilder().crossGroup(true)");
      }
      throw new LimitExceededException(
          "entity groups per cross-group transaction", max, groups.size() + 1, root.toString());
    }
    groups.put(root, Committer.groupVersion(snapshot().get(RowKeys.group(root))));
  }

  private Snapshot snapshot() {
    if (snapshot == null) {
      snapshot = store.snapshot();
    }
    return snapshot;
  }

  private void checkWritable() {
    checkActive();
    if (options.readOnly()) {
      throw new BadRequestException("this transaction is read-only; it cannot put or delete");
    }
  }

  private void checkActive() {
    if (!isActive()) {
      throw new TransactionClosedException(
          state == State.EXPIRED
              ? "transaction has expired (its deadline was " + options.deadline() + ")"
              : "transaction is no longer active: it was "
                  + (state == State.COMMITTED ? "committed" : "rolled back"));
    }
  }

  private void expire() {
    state = State.EXPIRED;
    release();
  }

  private void release() {
    if (snapshot != null) {
      snapshot.close();
      snapshot = null;
    }
  }
}
