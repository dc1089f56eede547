package dev.megalite.engine.query;

import dev.megalite.api.Entity;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;

/** Runs query plans: each run reads one consistent snapshot of the store. */
public final class QueryExecutor {
  private QueryExecutor() {}

  /** Runs {@code plan} on a fresh snapshot of {@code store}, released when the results close. */
  public static QueryResults<Entity> run(QueryPlan plan, KeyValueStore store) {
    Snapshot snapshot = store.snapshot();
    try {
      return new QueryRun(plan, snapshot, snapshot);
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  /** Runs {@code plan} on {@code view}, which the caller owns (a transaction's snapshot). */
  public static QueryResults<Entity> run(QueryPlan plan, ReadView view) {
    return new QueryRun(plan, view, null);
  }
}
