package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
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
import dev.megalite.engine.query.Aggregator;
import dev.megalite.engine.query.Planner;
import dev.megalite.engine.query.QueryPlan;
import dev.megalite.engine.query.QueryExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The engine's {@link MegaliteDatastore}: one project on one key-value store. */
final class EngineDatastore implements MegaliteDatastore {
  private final KeyValueStore store;
  private final String project;
  private final IdAllocator ids;
  private final Committer committer;
  private final IndexRegistry registry;
  private final Indexes indexes;
  private final boolean emptyListSupport;
  private final Limits limits;
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
    this.committer =
        new Committer(store, new CommitSequence(store), locks, options.sync(), registry, limits);
    this.indexes = new Indexes(store, locks, registry, project, options.indexFile(),
        options.requireIndexes(), limits.maxCompositeIndexes());
    indexes.reconcile();
  }

  @Override
  public String projectId() {
    return project;
  }

  @Override
  public Entity get(Key key) {
    checkOpen();
    checkKey(key);
    byte[] row = store.get(RowKeys.entity(key));
    return row == null ? null : EntityCodec.decode(key, row);
  }

  @Override
  public List<Entity> get(List<Key> keys) {
    checkOpen();
    checkCount("keys per batch get", limits.maxKeysPerGet(), keys.size());
    List<byte[]> rowKeys = new ArrayList<>(keys.size());
    for (Key k : keys) {
      checkKey(k);
      rowKeys.add(RowKeys.entity(k));
    }
    return read(store, keys, rowKeys);
  }

  /** Reads the entity rows {@code rowKeys} of {@code keys} from {@code view}, null where absent. */
  static List<Entity> read(ReadView view, List<Key> keys, List<byte[]> rowKeys) {
    List<byte[]> rows = view.multiGet(rowKeys);
    List<Entity> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      byte[] row = rows.get(i);
      out.add(row == null ? null : EntityCodec.decode(keys.get(i), row));
    }
    return out;
  }

  @Override
  public Entity put(Entity entity) {
    return put(List.of(entity)).get(0);
  }

  @Override
  public List<Entity> put(List<Entity> entities) {
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
    checkOpen();
    if (key == null) {
      throw new BadRequestException("allocateIds needs an incomplete key");
    }
    checkProject(key.project(), key.toString());
    if (count < 0 || count > MAX_ALLOCATE) {
      throw new BadRequestException(
          "allocateIds count " + count + " is outside 0.." + MAX_ALLOCATE + " per call");
    }
    List<Key> out = new ArrayList<>(count);
    for (long id : ids.allocate(count)) {
      out.add(key.withId(id));
    }
    return out;
  }

  @Override
  public QueryResults<Entity> run(Query query) {
    checkOpen();
    if (query == null) {
      throw new BadRequestException("query is null");
    }
    return QueryExecutor.run(plan(query), store);
  }

  @Override
  public Transaction newTransaction(TransactionOptions options) {
    checkOpen();
    if (options == null) {
      throw new BadRequestException("transaction options are null");
    }
    return new EngineTransaction(this, store, committer, options);
  }

  @Override
  public <T> T runInTransaction(TransactionOptions options, TransactionWork<T> work) {
    if (work == null) {
      throw new BadRequestException("transaction work is null");
    }
    for (int attempt = 0; ; attempt++) {
      try (EngineTransaction txn = (EngineTransaction) newTransaction(options)) {
        T result = work.run(txn);
        if (!txn.endedByCaller()) {
          txn.commit(); // fails if the transaction expired during the work
        }
        return result;
      } catch (ConcurrentModificationException e) {
        if (attempt >= options.retries()) {
          throw e;
        }
        backoff(attempt, e);
      }
    }
  }

  /** Sleeps about 10 ms × 2^attempt, jittered by ±50%, so retrying writers spread out. */
  private static void backoff(int attempt, ConcurrentModificationException cause) {
    long base = 10L << Math.min(attempt, 10);
    long millis = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  @Override
  public QueryResults<Entity> gql(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional) {
    BoundGql bound = bindGql(dialect, gql, named, positional);
    if (bound instanceof BoundGql.Aggregate) {
      throw new BadRequestException(
          "this GQL is an aggregation query; run it with gqlAggregate(…): " + gql);
    }
    return run(bound.query());
  }

  @Override
  public AggregationResult gqlAggregate(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional) {
    BoundGql bound = bindGql(dialect, gql, named, positional);
    if (!(bound instanceof BoundGql.Aggregate a)) {
      throw new BadRequestException(
          "this GQL is not an aggregation query; run it with gql(…): " + gql);
    }
    return runAggregation(a.aggregation());
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
    checkOpen();
    if (query == null) {
      throw new BadRequestException("aggregation query is null");
    }
    QueryLimits.check(query.query(), limits);
    return Aggregator.run(query, project, indexes, store);
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
    return ConsistencyChecker.check(store, registry.catalog());
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
      } finally {
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
