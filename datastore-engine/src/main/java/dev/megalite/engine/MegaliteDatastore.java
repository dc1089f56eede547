package dev.megalite.engine;

import dev.megalite.api.Datastore;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.query.Query;

/** A {@link Datastore} run by this engine, with the engine's own diagnostics. */
public interface MegaliteDatastore extends Datastore {

  /** The plan the engine would run for {@code query}, as a stable, readable string. */
  String explain(Query query);

  /** Scans every entity and index row and reports each mismatch between them. */
  ConsistencyReport checkConsistency();

  /** The composite indexes, their states and build progress. */
  java.util.List<IndexStatus> indexes();

  /** Approximate on-disk size in bytes (0 in memory). */
  long approximateSizeBytes();

  /**
   * A snapshot of this project's quota usage: each rate quota's count today and this minute with
   * its limits, and the stored data per kind (see {@code docs/quotas.md}). Reading it is not an
   * API call.
   */
  dev.megalite.engine.quota.QuotaUsage quotaUsage();

  /** Begins a single-group read-write transaction with default options. */
  @Override
  default MegaliteTransaction newTransaction() {
    return newTransaction(TransactionOptions.defaults());
  }

  /** Begins a transaction with versioned reads and Cloud Datastore–style commits. */
  @Override
  MegaliteTransaction newTransaction(TransactionOptions options);

  /** The entities under {@code keys} with their versions, in order, read from one snapshot. */
  java.util.List<VersionedEntity> lookup(java.util.List<Key> keys);

  /**
   * Applies {@code writes} atomically outside any transaction, checking inserts, updates and base
   * versions against the data as it is at commit time. One key may be written once per call.
   */
  java.util.List<WriteResult> commit(java.util.List<Write> writes);

  /** Forces every commit so far to stable storage (the memtables and the write-ahead log). */
  void flush();

  /** Makes sure the ids of {@code keys} are never handed out by id allocation. */
  void reserveIds(java.util.List<Key> keys);
}
