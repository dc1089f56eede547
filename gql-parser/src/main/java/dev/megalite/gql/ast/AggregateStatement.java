package dev.megalite.gql.ast;

import dev.megalite.api.query.Aggregation;
import java.util.List;
import java.util.Objects;

/**
 * {@code AGGREGATE a, … OVER (SELECT …)}; Cloud's {@code SELECT COUNT(*) … FROM k WHERE …} is
 * read into the same shape, over {@code SELECT * FROM k WHERE …}.
 */
public record AggregateStatement(Position position, List<Item> aggregations, SelectStatement query)
    implements Statement {

  public AggregateStatement {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(query, "query");
    aggregations = List.copyOf(aggregations);
    if (aggregations.isEmpty()) {
      throw new IllegalArgumentException("an aggregation statement needs an aggregation");
    }
  }

  /**
   * One aggregation: {@code COUNT(*)}, {@code COUNT_UP_TO(upTo)}, {@code SUM(property)} or {@code
   * AVG(property)}, with an optional alias. {@code property} is null for the counts.
   */
  public record Item(
      Position position, Aggregation.Operator function, Name property, long upTo, Name alias) {
    public Item {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(function, "function");
    }
  }
}
