package dev.megalite.api.query;

import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregations over the results of a query: one to five of them, each under a unique alias
 * (defaults are {@code property_1}, {@code property_2}, … by position).
 */
public final class AggregationQuery {
  /** The most aggregations one query may compute, as Cloud Datastore allows. */
  public static final int MAX_AGGREGATIONS = 5;

  private final Query query;
  private final List<Aggregation> aggregations;

  private AggregationQuery(Query query, List<Aggregation> aggregations) {
    this.query = query;
    this.aggregations = aggregations;
  }

  public static AggregationQuery of(Query query, List<Aggregation> aggregations) {
    if (query == null) {
      throw new BadRequestException("aggregation query needs a query");
    }
    if (aggregations == null || aggregations.isEmpty() || aggregations.size() > MAX_AGGREGATIONS) {
      throw new BadRequestException(
          "an aggregation query needs 1 to " + MAX_AGGREGATIONS + " aggregations, not "
              + (aggregations == null ? 0 : aggregations.size()));
    }
    if (!query.projection().isEmpty() || query.keysOnly()) {
      throw new BadRequestException("aggregations run over SELECT * queries, not projections");
    }
    List<Aggregation> named = new ArrayList<>(aggregations.size());
    Set<String> aliases = new HashSet<>();
    for (int i = 0; i < aggregations.size(); i++) {
      Aggregation a = aggregations.get(i);
      if (a == null) {
        throw new BadRequestException("aggregation " + (i + 1) + " is null");
      }
      Aggregation withAlias = a.alias() == null ? a.as("property_" + (i + 1)) : a;
      if (!aliases.add(withAlias.alias())) {
        throw new BadRequestException("aggregation alias '" + withAlias.alias() + "' is used twice");
      }
      named.add(withAlias);
    }
    return new AggregationQuery(query, List.copyOf(named));
  }

  public static AggregationQuery of(Query query, Aggregation... aggregations) {
    return of(query, List.of(aggregations));
  }

  public Query query() {
    return query;
  }

  /** The aggregations, each with its alias filled in. */
  public List<Aggregation> aggregations() {
    return aggregations;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AggregationQuery a
        && query.equals(a.query)
        && aggregations.equals(a.aggregations);
  }

  @Override
  public int hashCode() {
    return query.hashCode() * 31 + aggregations.hashCode();
  }

  @Override
  public String toString() {
    return "AGGREGATE " + aggregations + " OVER (" + query + ")";
  }
}
