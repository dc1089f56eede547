package dev.megalite.engine;

import dev.megalite.api.ListValue;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;

/** The limits a query is checked against before it is planned. */
final class QueryLimits {
  private QueryLimits() {}

  static void check(Query q, Limits limits) {
    if (q == null) {
      return;
    }
    if (q.offset() > limits.maxQueryOffset()) {
      throw new LimitExceededException("query offset", limits.maxQueryOffset(), q.offset(), "");
    }
    int components = filters(q.filter(), limits) + q.orders().size() + (q.ancestor() == null ? 0 : 1);
    if (components > limits.maxFiltersAndSorts()) {
      throw new LimitExceededException(
          "filters and sort orders in one query (ancestor included)",
          limits.maxFiltersAndSorts(), components, "");
    }
  }

  /** Counts the property filters, checking each IN / NOT IN list on the way. */
  private static int filters(Filter f, Limits limits) {
    if (f == null) {
      return 0;
    }
    if (f instanceof PropertyFilter pf) {
      if (pf.value() instanceof ListValue l && l.values().size() > limits.maxInValues()) {
        throw new LimitExceededException(
            "values in " + pf.op().symbol(), limits.maxInValues(), l.values().size(),
            "property '" + pf.property() + "'");
      }
      return 1;
    }
    int n = 0;
    for (Filter child : ((CompositeFilter) f).filters()) {
      n += filters(child, limits);
    }
    return n;
  }
}
