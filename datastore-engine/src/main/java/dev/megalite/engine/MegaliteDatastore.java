package dev.megalite.engine;

import dev.megalite.api.Datastore;
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
}
