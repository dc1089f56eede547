package dev.megalite.benchmarks;

/**
 * Checks one query run's results as they stream by, holding none of them: the count, the bucket
 * of an equality query, and descending {@code created} order where the query sorts by it.
 */
final class ResultCheck {
  private final QuerySpec query;
  private final int expected;
  private int count;
  private long lastCreated = Long.MAX_VALUE;

  ResultCheck(QuerySpec query, int expected) {
    this.query = query;
    this.expected = expected;
  }

  /** One result, with its {@code bucket} and its {@code created} in any unit the system keeps. */
  void accept(long bucket, long created) {
    count++;
    if (query.bucketEquality() && bucket != Workload.QUERY_BUCKET) {
      throw new IllegalStateException(query.label() + " returned bucket " + bucket);
    }
    if (query.createdDescending()) {
      if (created > lastCreated) {
        throw new IllegalStateException(query.label() + ": not by created descending at " + count);
      }
      lastCreated = created;
    }
  }

  /** One result that is only counted (the raw ceiling does not decode entities). */
  void count() {
    count++;
  }

  /** Throws unless the run returned as many results as the workload says it must. */
  int finish() {
    if (count != expected) {
      throw new IllegalStateException(
          query.label() + " returned " + count + " results, not " + expected);
    }
    return count;
  }
}
