package dev.megalite.api.query;

/** Whether a query has more results beyond what it returned, as Cloud Datastore reports it. */
public enum MoreResults {
  /** The iterator has not reached the end of what it may return yet. */
  NOT_FINISHED,
  /** The limit was reached; there may be more results after it. */
  MORE_RESULTS_AFTER_LIMIT,
  /** The end cursor was reached; there may be more results after it. */
  MORE_RESULTS_AFTER_CURSOR,
  /** The query is exhausted. */
  NO_MORE_RESULTS
}
