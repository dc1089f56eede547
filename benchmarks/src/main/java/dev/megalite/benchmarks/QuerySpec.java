package dev.megalite.benchmarks;

/**
 * The queries of the workload, each system running them through its own API. Expected answers
 * come from {@link Workload}, so a fast wrong answer cannot pass as a result.
 */
enum QuerySpec {
  EQUALITY("bucket = " + Workload.QUERY_BUCKET, false, true),
  EQUALITY_SORT("bucket = " + Workload.QUERY_BUCKET + " ORDER BY created DESC", true, true),
  ANCESTOR("ancestor = " + Workload.PARENT_KIND + "(" + (Workload.QUERY_PARENT + 1) + ")", false,
      false),
  NEWEST("ORDER BY created DESC LIMIT " + QuerySpec.NEWEST_LIMIT, true, false),
  KIND_SCAN("kind scan (all " + Workload.KIND + ")", false, false);

  static final int NEWEST_LIMIT = 1000;

  private final String label;
  private final boolean createdDescending;
  private final boolean bucketEquality;

  QuerySpec(String label, boolean createdDescending, boolean bucketEquality) {
    this.label = label;
    this.createdDescending = createdDescending;
    this.bucketEquality = bucketEquality;
  }

  String label() {
    return label;
  }

  boolean createdDescending() {
    return createdDescending;
  }

  boolean bucketEquality() {
    return bucketEquality;
  }

  /** How many results the query must return on {@code w}. */
  int expected(Workload w) {
    return switch (this) {
      case EQUALITY, EQUALITY_SORT -> w.countBucket(Workload.QUERY_BUCKET);
      case ANCESTOR -> w.countChildren(Workload.QUERY_PARENT);
      case NEWEST -> Math.min(NEWEST_LIMIT, w.size());
      case KIND_SCAN -> w.size();
    };
  }
}
