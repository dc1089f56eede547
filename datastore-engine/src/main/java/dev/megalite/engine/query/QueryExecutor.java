package dev.megalite.engine.query;

import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;

/** Runs query plans: each run reads one consistent snapshot of the store. */
public final class QueryExecutor {
  private QueryExecutor() {}

  /** Runs {@code plan} on a fresh snapshot of {@code store}, released when the results close. */
  public static SizedQueryResults run(QueryPlan plan, KeyValueStore store) {
    return runOwning(plan, store.snapshot());
  }

  /** Runs {@code plan} on {@code snapshot}, which the results own: they close it when they close. */
  public static SizedQueryResults runOwning(QueryPlan plan, Snapshot snapshot) {
    try {
      return new QueryRun(plan, snapshot, snapshot);
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  /** Runs {@code plan} on {@code view}, which the caller owns (a transaction's snapshot). */
  public static SizedQueryResults run(QueryPlan plan, ReadView view) {
    return new QueryRun(plan, view, null);
  }
}
