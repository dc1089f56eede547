package dev.megalite.engine.query;

import dev.megalite.api.Entity;
import dev.megalite.api.query.QueryResults;

/** Query results that also tell how many stored bytes the last result was read from. */
public interface SizedQueryResults extends QueryResults<Entity> {

  /**
   * The bytes behind the result last returned by {@link #next()}: its entity row (key and value)
   * for a full entity, its entity row key for a keys-only result, the index row key for a
   * projection; 0 before the first result.
   */
  int lastResultBytes();
}
