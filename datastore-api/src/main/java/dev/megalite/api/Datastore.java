package dev.megalite.api;

import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.util.List;
import java.util.Map;

/**
 * A datastore of one project: get, put and delete entities by key, allocate ids and run queries.
 * Implementations are thread-safe.
 */
public interface Datastore extends AutoCloseable {

  /** The project every key of this datastore belongs to. */
  String projectId();

  /** A complete root key of this project in the default namespace. */
  default Key newKey(String kind, long id) {
    return Key.of(projectId(), kind, id);
  }

  /** A complete root key of this project in the default namespace. */
  default Key newKey(String kind, String name) {
    return Key.of(projectId(), kind, name);
  }

  /** An incomplete root key of this project; put allocates its id. */
  default IncompleteKey newIncompleteKey(String kind) {
    return IncompleteKey.of(projectId(), kind);
  }

  /** The entity stored under {@code key}, or null. */
  Entity get(Key key);

  /** The entities stored under {@code keys}, in the same order, null where absent. */
  List<Entity> get(List<Key> keys);

  /**
   * Stores {@code entity}, allocating an id when its key is incomplete, and returns it with its
   * complete key.
   */
  Entity put(Entity entity);

  /** Stores all {@code entities} atomically; returns them with complete keys, in order. */
  List<Entity> put(List<Entity> entities);

  /** Deletes the entity stored under {@code key}, if any. */
  void delete(Key key);

  /** Deletes every entity stored under {@code keys} atomically. */
  void delete(List<Key> keys);

  /** Allocates {@code count} ids for {@code key}'s kind and parent; no id is ever handed twice. */
  List<Key> allocateIds(IncompleteKey key, int count);

  /** Runs {@code query}, streaming its results. Close the results when not exhausted. */
  QueryResults<Entity> run(Query query);

  /** Begins a single-group read-write transaction with default options. */
  default Transaction newTransaction() {
    return newTransaction(TransactionOptions.defaults());
  }

  /** Begins a transaction. Commit or roll it back (or close it). */
  Transaction newTransaction(TransactionOptions options);

  /**
   * Runs {@code work} in a transaction and commits it, retrying the whole work on concurrent
   * modification (3 retries by default, with jittered exponential backoff); other errors are never
   * retried. Returns what the work returned.
   */
  default <T> T runInTransaction(TransactionWork<T> work) {
    return runInTransaction(TransactionOptions.defaults(), work);
  }

  /** As {@link #runInTransaction(TransactionWork)}, with {@code options}. */
  <T> T runInTransaction(TransactionOptions options, TransactionWork<T> work);

  /**
   * Runs an App Engine GQL query ({@code SELECT * FROM Employee WHERE role = :1}) with positional
   * bindings. Values may be Java values (Long, Integer, Double, Boolean, String, byte[], Instant,
   * Date, Key), {@link Value}s, lists for IN, or cursors where GQL takes them.
   */
  default QueryResults<Entity> gql(String gql, Object... positional) {
    return gql(GqlDialect.APP_ENGINE, gql, Map.of(), positional);
  }

  /** Runs a GQL query of {@code dialect} with named ({@code :name} / {@code @name}) and positional bindings. */
  QueryResults<Entity> gql(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional);

  /**
   * Runs a GQL aggregation ({@code SELECT COUNT(*) AS n FROM …}, {@code AGGREGATE SUM(p) OVER
   * (SELECT …)}) of {@code dialect}.
   */
  AggregationResult gqlAggregate(
      GqlDialect dialect, String gql, Map<String, ?> named, Object... positional);

  /** Computes {@code query}'s aggregations (COUNT, COUNT_UP_TO, SUM, AVG) over its results. */
  AggregationResult runAggregation(AggregationQuery query);

  @Override
  void close();
}
