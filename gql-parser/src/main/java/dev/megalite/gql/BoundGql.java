package dev.megalite.gql;

import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.Query;
import java.util.Objects;

/**
 * A GQL statement with its arguments bound: either a {@link Query} for entities, keys or
 * projections, or an {@link AggregationQuery}.
 */
public sealed interface BoundGql permits BoundGql.Select, BoundGql.Aggregate {

  /** The query whose results are returned or aggregated. */
  Query query();

  /** {@code SELECT …}: run the query. */
  record Select(Query query) implements BoundGql {
    public Select {
      Objects.requireNonNull(query, "query");
    }
  }

  /** {@code AGGREGATE … OVER (…)} or {@code SELECT COUNT(*) …}: aggregate the query's results. */
  record Aggregate(AggregationQuery aggregation) implements BoundGql {
    public Aggregate {
      Objects.requireNonNull(aggregation, "aggregation");
    }

    @Override
    public Query query() {
      return aggregation.query();
    }
  }
}
