package dev.megalite.engine.quota;

import dev.megalite.api.Entity;
import dev.megalite.api.query.QueryResults;

/**
 * The rows an aggregation streams, metered as Cloud Datastore bills aggregations: one entity read
 * per batch of up to 1,000 rows, at least one. Each batch is reserved before its first row, so an
 * aggregation that runs out of reads stops there with {@code OverQuotaException}.
 */
final class AggregationRows extends ForwardingResults<QueryResults<Entity>> {
  static final int BATCH = 1000;

  private final QuotaMeter meter;
  private long rows;
  private long charged;

  AggregationRows(QuotaMeter meter, QueryResults<Entity> inner) {
    super(inner);
    this.meter = meter;
    try {
      meter.reserve(Quota.ENTITY_READS, 1);
    } catch (RuntimeException e) {
      inner.close();
      throw e;
    }
    this.charged = 1;
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public Entity next() {
    Entity e = inner.next();
    if (++rows > charged * BATCH) {
      meter.reserve(Quota.ENTITY_READS, 1);
      charged++;
    }
    return e;
  }
}
