package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.TransactionClosedException;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.query.QueryExecutor;
import dev.megalite.engine.query.QueryPlan;
import dev.megalite.engine.quota.Quota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction of the engine: reads from a snapshot taken at the first read, records the
 * version of every entity group it touches as of that snapshot, buffers writes, and commits them
 * through the {@link Committer} only if none of those groups moved.
 */
final class EngineTransaction implements MegaliteTransaction {
  private enum State {
    ACTIVE,
    COMMITTED,
    ROLLED_BACK,
    EXPIRED
  }

  private final EngineDatastore datastore;
  private final KeyValueStore store;
  private final Committer committer;
  private final CommitSequence sequence;
  private final TransactionOptions options;
  private final long deadlineNanos;
  private final Map<Key, Long> groups = new LinkedHashMap<>();
  private final Map<Key, Mutation> writes = new LinkedHashMap<>();
  private final List<Key> putKeys = new ArrayList<>();
  private Snapshot snapshot;
  private long snapshotVersion;
  private State state = State.ACTIVE;
  private long commitVersion;

  EngineTransaction(
      EngineDatastore datastore, KeyValueStore store, Committer committer, CommitSequence sequence,
      TransactionOptions options) {
    this.datastore = datastore;
    this.sequence = sequence;
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
    return datastore.meter().call(() -> getAll(keys));
  }

  private List<Entity> getAll(List<Key> keys) {
    checkActive();
    if (keys.size() > datastore.limits().maxKeysPerGet()) {
      throw new LimitExceededException(
          "keys per batch get", datastore.limits().maxKeysPerGet(), keys.size(), "");
    }
    // The versions of groups touched first here are read with the entities, in one multi-get.
    List<byte[]> rowKeys = new ArrayList<>(keys.size() + 1);
    List<Key> newGroups = new ArrayList<>(1);
    for (Key k : keys) {
      datastore.checkKey(k);
      Key root = k.root();
      if (!groups.containsKey(root) && !newGroups.contains(root)) {
        checkGroupLimit(groups.size() + newGroups.size(),
            groups.isEmpty() ? (newGroups.isEmpty() ? null : newGroups.get(0)) : firstGroup(),
            root);
        newGroups.add(root);
      }
      rowKeys.add(RowKeys.entity(k));
    }
    for (Key root : newGroups) {
      rowKeys.add(RowKeys.group(root));
    }
    Snapshot view = snapshot();
    datastore.reserveReads(keys.size());
    List<byte[]> rows = view.multiGet(rowKeys);
    for (int i = 0; i < newGroups.size(); i++) {
      Key root = newGroups.get(i);
      groups.put(root, Committer.groupVersion(rows.get(keys.size() + i)));
      datastore.rollForward(root); // a transactional read applies the group's pending writes
    }
    return datastore.decode(keys, rowKeys, rows);
  }

  @Override
  public Entity put(Entity entity) {
    return put(List.of(entity)).get(0);
  }

  @Override
  public List<Entity> put(List<Entity> entities) {
    checkWritable();
    datastore.meter().countCall(); // buffered until commit, which pays for the writes
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
    datastore.meter().countCall();
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
    return datastore.meter().call(() -> runQuery(query));
  }

  private QueryResults<Entity> runQuery(Query query) {
    checkActive();
    if (query == null) {
      throw new BadRequestException("query is null");
    }
    if (query.ancestor() == null) {
      throw new BadRequestException("Only ancestor queries are allowed inside transactions.");
    }
    datastore.checkKey(query.ancestor());
    touch(query.ancestor().root());
    QueryPlan plan = datastore.plan(query);
    datastore.meter().reserve(Quota.ENTITY_READS, 1);
    return datastore.metered(QueryExecutor.run(plan, snapshot()), query);
  }

  @Override
  public AggregationResult runAggregation(AggregationQuery query) {
    return datastore.meter().call(() -> aggregate(query));
  }

  private AggregationResult aggregate(AggregationQuery query) {
    checkActive();
    if (query == null) {
      throw new BadRequestException("aggregation query is null");
    }
    Key ancestor = query.query().ancestor();
    if (ancestor == null) {
      throw new BadRequestException("Only ancestor queries are allowed inside transactions.");
    }
    datastore.checkKey(ancestor);
    touch(ancestor.root());
    return datastore.aggregate(query, snapshot());
  }

  @Override
  public List<VersionedEntity> lookup(List<Key> keys) {
    return datastore.meter().call(() -> lookupAll(keys));
  }

  private List<VersionedEntity> lookupAll(List<Key> keys) {
    checkActive();
    if (keys.size() > datastore.limits().maxKeysPerGet()) {
      throw new LimitExceededException(
          "keys per batch get", datastore.limits().maxKeysPerGet(), keys.size(), "");
    }
    Snapshot view = snapshot();
    return datastore.lookup(view, keys, snapshotVersion, k -> touch(k.root()));
  }

  @Override
  public List<WriteResult> commit(List<Write> writes) {
    return datastore.meter().call(() -> commitWrites(writes));
  }

  private List<WriteResult> commitWrites(List<Write> writes) {
    checkWritable();
    Snapshot view = snapshot();
    ConditionalWrites resolved = ConditionalWrites.resolve(
        datastore, writes, view, snapshotVersion, true, k -> touch(k.root()));
    for (Mutation m : resolved.mutations()) {
      touch(m.key().root());
      this.writes.put(m.key(), m);
    }
    commitBuffered();
    return resolved.results(commitVersion);
  }

  @Override
  public List<Key> commit() {
    return datastore.meter().call(() -> commitBuffered());
  }

  private List<Key> commitBuffered() {
    checkActive();
    try {
      if (!options.readOnly() && !writes.isEmpty()) {
        commitVersion = committer.commit(new ArrayList<>(writes.values()), groups);
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
      datastore.meter().charge(Quota.API_CALLS, 1); // never refused: a rollback must go through
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
    checkGroupLimit(groups.size(), groups.isEmpty() ? null : firstGroup(), root);
    groups.put(root, Committer.groupVersion(snapshot().get(RowKeys.group(root))));
    datastore.rollForward(root); // a transactional read applies the group's pending writes
  }

  /**
   * Throws unless the transaction, which has touched {@code touched} groups, the first of them
   * {@code first}, may touch one more: {@code root}'s.
   */
  private void checkGroupLimit(int touched, Key first, Key root) {
    int max = options.crossGroup() ? datastore.limits().maxEntityGroupsPerTransaction() : 1;
    if (touched >= max) {
      if (!options.crossGroup()) {
        throw new BadRequestException(
            "cross-group transaction need to be explicitly specified: this transaction uses entity"
                + " group " + first + " and now touches " + root
                + "; use TransactionOptions.newBuilder().crossGroup(true)");
      }
      throw new LimitExceededException(
          "entity groups per cross-group transaction", max, touched + 1, root.toString());
    }
  }

  private Key firstGroup() {
    return groups.keySet().iterator().next();
  }

  private Snapshot snapshot() {
    if (snapshot == null) {
      snapshotVersion = sequence.current();
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
