package dev.megalite.engine;

import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import java.util.List;

/** A {@link Transaction} of the engine, with versioned reads and Cloud Datastore–style commits. */
public interface MegaliteTransaction extends Transaction {

  /** The entities under {@code keys} as of the snapshot, with their versions, in order. */
  List<VersionedEntity> lookup(List<Key> keys);

  /**
   * Adds {@code writes} to the buffered ones and commits them all atomically. The conditions of
   * inserts, updates and base versions are checked against the snapshot; the commit still fails
   * with a concurrent-modification error if a touched entity group moved since.
   */
  List<WriteResult> commit(List<Write> writes);

  /** Aggregates an ancestor query over the transaction's snapshot. */
  dev.megalite.api.query.AggregationResult runAggregation(
      dev.megalite.api.query.AggregationQuery query);
}
