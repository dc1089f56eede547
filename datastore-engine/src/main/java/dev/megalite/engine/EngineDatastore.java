package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.TransactionWork;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.StorageException;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.check.ConsistencyChecker;
import dev.megalite.gql.BoundGql;
import dev.megalite.gql.Gql;
import dev.megalite.gql.GqlBindings;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.ids.IdAllocator;
import dev.megalite.engine.index.IndexRegistry;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.query.Aggregator;
import dev.megalite.engine.query.Planner;
import dev.megalite.engine.query.QueryPlan;
import dev.megalite.engine.query.QueryExecutor;
import dev.megalite.engine.query.SizedQueryResults;
import dev.megalite.engine.quota.Quota;
import dev.megalite.engine.quota.QuotaAccounting;
import dev.megalite.engine.quota.QuotaMeter;
import dev.megalite.engine.quota.QuotaUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The engine's {@link MegaliteDatastore}: one project on one key-value store. */
final class EngineDatastore implements MegaliteDatastore {
  private final KeyValueStore store;
  private final String project;
  private final IdAllocator ids;
  private final Committer committer;
  private final CommitSequence sequence;
  private final IndexRegistry registry;
  private final Indexes indexes;
  private final boolean emptyListSupport;
  private final Limits limits;
  private final QuotaAccounting accounting;
  private final QuotaMeter meter;
  /** Simulated eventual consistency of global queries; null when consistency is strong. */
  private final EventualConsistency eventual;
  /** The most ids one allocateIds call hands out (they are returned as a list of keys). */
  static final int MAX_ALLOCATE = 1_000_000;

  private volatile boolean closed;

  EngineDatastore(KeyValueStore store, MegaliteOptions options) {
    this.store = store;
    this.project = options.projectId();
    this.ids = new IdAllocator(store, project, options.idPolicy());
    this.emptyListSupport = options.emptyListSupport();
    this.limits = options.limits();
    GroupLocks locks = new GroupLocks();
    this.registry = new IndexRegistry(store, project);
    this.sequence = new CommitSequence(store);
    this.accounting = options.quotaAccounting()
        ? QuotaAccounting.open(store, project, registry.catalog(), options.quotas(), options.clock())
        : QuotaAccounting.off(store, project);
    this.meter = accounting.meter();
    this.committer = new Committer(store, sequence, locks, options.sync(), registry, limits,
        new CommitQuota(accounting));
    this.eventual = EventualConsistency.of(store, registry, options);
    if (eventual != null) {
      committer.listener(eventual);
    }
    this.indexes = new Indexes(store, locks, registry, project, options.indexFile(),
        options.requireIndexes(), limits.maxCompositeIndexes(), accounting.storedData());
    indexes.reconcile();
  }

  @Override
  public String projectId() {
    return project;
  }

  @Override
  public Entity get(Key key) {
    return meter.call(() -> getOne(key));
  }

  private Entity getOne(Key key) {
    checkOpen();
    checkKey(key);
    rollForward(key);
    meter.reserve(Quota.ENTITY_READS, 1);
    byte[] rowKey = RowKeys.entity(key);
    byte[] row = store.get(rowKey);
    meter.charge(Quota.DATA_RECEIVED, row == null ? 0 : rowKey.length + row.length);
    return row == null ? null : EntityCodec.decode(key, row);
  }

  @Override
  public List<Entity> get(List<Key> keys) {
    return meter.call(() -> getAll(keys));
  }

  private List<Entity> getAll(List<Key> keys) {
    checkOpen();
    checkCount("keys per batch get", limits.maxKeysPerGet(), keys.size());
    List<byte[]> rowKeys = new ArrayList<>(keys.size());
    for (Key k : keys) {
      checkKey(k);
      rollForward(k);
      rowKeys.add(RowKeys.entity(k));
    }
    return read(store, keys, rowKeys);
  }

  /**
   * Reads the entity rows {@code rowKeys} of {@code keys} from {@code view}, null where absent:
   * one entity read per key, found or not, and the rows found as data received.
   */
  List<Entity> read(ReadView view, List<Key> keys, List<byte[]> rowKeys) {
    reserveReads(keys.size());
    return decode(keys, rowKeys, view.multiGet(rowKeys));
  }

  /** Reserves {@code n} entity reads, one per key about to be read. */
  void reserveReads(int n) {
    meter.reserve(Quota.ENTITY_READS, n);
  }

  /**
   * The entities of {@code keys} from their {@code rows} (read under the first {@code
   * keys.size()} of {@code rowKeys}; further rows are the caller's), with the rows found charged
   * as data received.
   */
  List<Entity> decode(List<Key> keys, List<byte[]> rowKeys, List<byte[]> rows) {
    List<Entity> out = new ArrayList<>(keys.size());
    long received = 0;
    for (int i = 0; i < keys.size(); i++) {
      byte[] row = rows.get(i);
      received += row == null ? 0 : rowKeys.get(i).length + row.length;
      out.add(row == null ? null : EntityCodec.decode(keys.get(i), row));
    }
    meter.charge(Quota.DATA_RECEIVED, received);
    return out;
  }

  @Override
  public Entity put(Entity entity) {
    return put(List.of(entity)).get(0);
  }

  @Override
  public List<Entity> put(List<Entity> entities) {
    return meter.call(() -> putAll(entities));
  }

  private List<Entity> putAll(List<Entity> entities) {
    checkOpen();
    if (entities != null) {
      checkCount("entities per batch put", limits.maxEntitiesPerPut(), entities.size());
    }
    List<Entity> complete = completeKeys(entities);
    List<Mutation> ms = new ArrayList<>(complete.size());
    for (Entity e : complete) {
      ms.add(Mutation.put(e));
    }
    committer.commit(ms);
    return complete;
  }

  @Override
  public void delete(Key key) {
    delete(List.of(key));
  }

  @Override
  public void delete(List<Key> keys) {
    meter.run(() -> deleteAll(keys));
  }

  private void deleteAll(List<Key> keys) {
    checkOpen();
    checkCount("keys per batch delete", limits.maxKeysPerDelete(), keys.size());
    List<Mutation> ms = new ArrayList<>(keys.size());
    for (Key k : keys) {
      checkKey(k);
      ms.add(Mutation.delete(k));
    }
    committer.commit(ms);
  }

  @Override
  public List<Key> allocateIds(IncompleteKey key, int count) {
    return meter.call(() -> allocate(key, count));
  }

  private List<Key> allocate(IncompleteKey key, int count) {
    checkOpen();
    if (key == null) {
      throw new BadRequestException("allocateIds needs an incomplete key");
    }
    checkProject(key.project(), key.toString());
    if (count < 0 || count > MAX_ALLOCATE) {
      throw new BadRequestException(
          "allocateIds count " + count + " is outside 0.." + MAX_ALLOCATE + " per call");
    }
    meter.reserve(Quota.SMALL_OPS, 1);
    List<Key> out = new ArrayList<>(count);
    for (long id : ids.allocate(count)) {
      out.add(key.withId(id));
    }
    return out;
  }

  @Override
  public QueryResults<Entity> run(Query query) {
    return meter.call(() -> runQuery(query));
  }

  private QueryResults<Entity> runQuery(Query query) {
    checkOpen();
    if (query == null) {
      throw new BadRequestException("query is null");
    }
    QueryPlan plan = plan(query);
    meter.reserve(Quota.ENTITY_READS, 1); // the query's own read, before any snapshot is taken
    GlobalView view = globalView(query);
    return metered(
        view == null ? QueryExecutor.run(plan, store) : QueryExecutor.runOwning(plan, view), query);
  }

  /**
   * Meters {@code results} of {@code query}: keys-only and projection rows are small operations
   * (DISTINCT ON projection rows are entity reads, as Cloud Datastore bills them); full entities
   * are entity reads.
   */
  QueryResults<Entity> metered(SizedQueryResults results, Query query) {
    boolean small = query.keysOnly()
        || (!query.projection().isEmpty() && query.distinctOn().isEmpty());
    return meter.results(results, small);
  }

  /**
   * The view a global query reads when global queries are eventually consistent; null when the
   * query reads the store as it is (strong consistency, or an ancestor query, which first rolls
   * its group forward).
   */
  private GlobalView globalView(Query query) {
    if (eventual == null) {
      return null;
    }
    if (query.ancestor() != null) {
      eventual.rollForward(query.ancestor().root());
      return null;
    }
    return eventual.globalView();
  }

  /** Makes every write to {@code key}'s entity group visible to global queries (a strong read). */
  void rollForward(Key key) {
    if (eventual != null) {
      eventual.rollForward(key.root());
    }
  }

  @Override
  public List<VersionedEntity> lookup(List<Key> keys) {
    return meter.call(() -> lookupAll(keys));
  }

  private List<VersionedEntity> lookupAll(List<Key> keys) {
    checkOpen();
    checkCount("keys per batch get", limits.maxKeysPerGet(), keys.size());
    long readVersion = sequence.current();
    try (Snapshot snapshot = store.snapshot()) {
      return lookup(snapshot, keys, readVersion, this::rollForward);
    }
  }

  /** Reads {@code keys} with their versions from {@code view}, telling {@code touch} each key. */
  List<VersionedEntity> lookup(
      ReadView view, List<Key> keys, long readVersion, java.util.function.Consumer<Key> touch) {
    List<byte[]> rowKeys = new ArrayList<>(keys.size());
    for (Key k : keys) {
      checkKey(k);
      touch.accept(k);
      rowKeys.add(RowKeys.entity(k));
    }
    meter.reserve(Quota.ENTITY_READS, keys.size());
    List<byte[]> rows = view.multiGet(rowKeys);
    List<VersionedEntity> out = new ArrayList<>(keys.size());
    long received = 0;
    for (int i = 0; i < keys.size(); i++) {
      byte[] row = rows.get(i);
      received += row == null ? 0 : rowKeys.get(i).length + row.length;
      Key k = keys.get(i);
      out.add(row == null
          ? new VersionedEntity(k, null, readVersion)
          : new VersionedEntity(k, EntityCodec.decode(k, row), EntityCodec.version(row)));
    }
    meter.charge(Quota.DATA_RECEIVED, received);
    return out;
  }

  @Override
  public List<WriteResult> commit(List<Write> writes) {
    return meter.call(() -> commitWrites(writes));
  }

  private List<WriteResult> commitWrites(List<Write> writes) {
    checkOpen();
    if (writes == null) {
      throw new BadRequestException("writes are null");
    }
    for (int attempt = 0; ; attempt++) {
      long readVersion = sequence.current();
      Map<Key, Long> groups = new java.util.LinkedHashMap<>();
      ConditionalWrites resolved;
      try (Snapshot snapshot = store.snapshot()) {
        resolved = ConditionalWrites.resolve(this, writes, snapshot, readVersion, false,
            k -> groups.computeIfAbsent(k.root(),
                root -> Committer.groupVersion(snapshot.get(RowKeys.group(root)))));
      }
      if (resolved.mutations().isEmpty()) {
        return resolved.results(readVersion);
      }
      try {
        return resolved.results(committer.commit(resolved.mutations(), groups));
      } catch (ConcurrentModificationException e) {
        // Not a user transaction: the conditions are simply checked again on fresh data.
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  @Override
  public void reserveIds(List<Key> keys) {
    meter.run(() -> reserve(keys));
  }

  private void reserve(List<Key> keys) {
    checkOpen();
    if (keys == null) {
      throw new BadRequestException("keys are null");
    }
    for (Key k : keys) {
      checkKey(k);
      if (!k.hasId()) {
        throw new BadRequestException("reserveIds needs keys with ids; " + k + " has a name");
      }
    }
    meter.reserve(Quota.SMALL_OPS, 1);
    for (Key k : keys) {
      ids.reserve(k.id());
    }
  }

  @Override
  public MegaliteTransaction newTransaction(TransactionOptions options) {
    checkOpen();
    if (options == null) {
      throw new BadRequestException("transaction options are null");
    }
    meter.countCall();
    return new EngineTransaction(this, store, committer, sequence, options);
  }

  @Override
  public <T> T runInTransaction(TransactionOptions options, TransactionWork<T> work) {
    if (work == null) {
      throw new BadRequestException("transaction work is null");
    }
    return TransactionRetries.run(() -> (EngineTransaction) newTransaction(options), options, work);
  }

  @Override
  public QueryResults<Entity> gql(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional) {
    return meter.call(() -> {
      BoundGql bound = bindGql(dialect, gql, named, positional);
      if (bound instanceof BoundGql.Aggregate) {
        throw new BadRequestException(
            "this GQL is an aggregation query; run it with gqlAggregate(…): " + gql);
      }
      return runQuery(bound.query());
    });
  }

  @Override
  public AggregationResult gqlAggregate(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional) {
    return meter.call(() -> {
      BoundGql bound = bindGql(dialect, gql, named, positional);
      if (!(bound instanceof BoundGql.Aggregate a)) {
        throw new BadRequestException(
            "this GQL is not an aggregation query; run it with gql(…): " + gql);
      }
      return aggregateQuery(a.aggregation());
    });
  }

  private BoundGql bindGql(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional) {
    checkOpen();
    if (dialect == null || gql == null) {
      throw new BadRequestException("GQL needs a dialect and a query text");
    }
    GqlBindings.Builder b = GqlBindings.newBuilder();
    if (positional != null) {
      for (Object o : positional) {
        b.add(o);
      }
    }
    if (named != null) {
      named.forEach(b::set);
    }
    return Gql.parse(gql, dialect).bind(b.build(), project);
  }

  @Override
  public AggregationResult runAggregation(AggregationQuery query) {
    return meter.call(() -> aggregateQuery(query));
  }

  private AggregationResult aggregateQuery(AggregationQuery query) {
    checkOpen();
    if (query == null) {
      throw new BadRequestException("aggregation query is null");
    }
    QueryLimits.check(query.query(), limits);
    GlobalView view = globalView(query.query());
    if (view == null) {
      return Aggregator.run(query, project, indexes,
          plan -> meter.aggregationRows(QueryExecutor.run(plan, store)));
    }
    try (view) {
      return aggregate(query, view);
    }
  }

  /**
   * Aggregates {@code query} over {@code view} (a transaction's snapshot): an entity read per
   * 1,000 rows aggregated, at least one.
   */
  AggregationResult aggregate(AggregationQuery query, ReadView view) {
    QueryLimits.check(query.query(), limits);
    return Aggregator.run(query, project, indexes,
        plan -> meter.aggregationRows(QueryExecutor.run(plan, view)));
  }

  @Override
  public void flush() {
    checkOpen();
    store.flush();
  }

  /** Checks {@code query} against the limits and plans it with this datastore's indexes. */
  QueryPlan plan(Query query) {
    QueryLimits.check(query, limits);
    return Planner.plan(query, project, indexes);
  }

  Limits limits() {
    return limits;
  }

  private static void checkCount(String limit, int allowed, int actual) {
    if (actual > allowed) {
      throw new LimitExceededException(limit, allowed, actual, "");
    }
  }

  @Override
  public String explain(Query query) {
    checkOpen();
    return plan(query).explain();
  }

  @Override
  public ConsistencyReport checkConsistency() {
    checkOpen();
    return accounting.enabled()
        ? ConsistencyChecker.check(store, registry.catalog(), project)
        : ConsistencyChecker.check(store, registry.catalog());
  }

  @Override
  public QuotaUsage quotaUsage() {
    checkOpen();
    return accounting.usage(registry.catalog());
  }

  QuotaMeter meter() {
    return meter;
  }

  @Override
  public List<IndexStatus> indexes() {
    return indexes.status();
  }

  @Override
  public long approximateSizeBytes() {
    return store.approximateSizeBytes();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        indexes.close();
        accounting.close();
      } finally {
        if (eventual != null) {
          eventual.close();
        }
        store.close();
      }
    }
  }

  /** Entities with complete keys, allocating ids for incomplete ones. */
  List<Entity> completeKeys(List<Entity> entities) {
    if (entities == null) {
      throw new BadRequestException("entities is null");
    }
    if (!emptyListSupport) {
      entities = EmptyLists.asNulls(entities);
    }
    int incomplete = 0;
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      if (e == null || e.key() == null) {
        throw new BadRequestException("entity " + i + " of the put has no key");
      }
      checkProject(e.key().project(), e.key().toString());
      if (e.key() instanceof Key k) {
        if (k.hasId()) {
          ids.observe(k.id());
        }
      } else {
        incomplete++;
      }
    }
    if (incomplete == 0) {
      return entities;
    }
    long[] allocated = ids.allocate(incomplete);
    List<Entity> out = new ArrayList<>(entities.size());
    int j = 0;
    for (Entity e : entities) {
      out.add(e.key() instanceof IncompleteKey ik ? e.withKey(ik.withId(allocated[j++])) : e);
    }
    return out;
  }

  void checkKey(Key key) {
    if (key == null) {
      throw new BadRequestException("key is null");
    }
    checkProject(key.project(), key.toString());
  }

  private void checkProject(String keyProject, String what) {
    if (!keyProject.equals(project)) {
      throw new BadRequestException(
          what + " belongs to project '" + keyProject + "', not to this datastore's project '"
              + project + "'");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("the datastore is closed");
    }
  }
}
