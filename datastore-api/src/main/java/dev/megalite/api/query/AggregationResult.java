package dev.megalite.api.query;

import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of an aggregation query, by alias, in the query's order. */
public record AggregationResult(Map<String, Value> values) {
  public AggregationResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value under {@code alias}. */
  public Value get(String alias) {
    Value v = values.get(alias);
    if (v == null) {
      throw new BadRequestException("no aggregation has alias '" + alias + "'; have " + values.keySet());
    }
    return v;
  }
}
