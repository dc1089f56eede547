package dev.megalite.engine.query;

import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Value;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.ReadView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes aggregations by streaming the query's results once: counts from a keys-only run when
 * nothing else is asked for (and stopping as soon as every count is capped), sums and averages
 * from the entities. Semantics as Cloud Datastore's: SUM and AVG consider only integer and double
 * values of the property (entities lacking it, or with another type or a list, are skipped); a
 * SUM of integers is an integer unless it overflows, then a double; AVG is a double, null when no
 * value counted; the nested query's offset and limit apply first.
 */
public final class Aggregator {
  private Aggregator() {}

  public static AggregationResult run(
      AggregationQuery aq, String project, IndexSupport indexes, KeyValueStore store) {
    return run(aq, project, indexes, plan -> QueryExecutor.run(plan, store));
  }

  /** Aggregates over {@code view} as it is (a transaction's snapshot). */
  public static AggregationResult run(
      AggregationQuery aq, String project, IndexSupport indexes, ReadView view) {
    return run(aq, project, indexes, plan -> QueryExecutor.run(plan, view));
  }

  /**
   * Aggregates over the results {@code executor} gives for the plan of the query (a store, a
   * snapshot, or either with metering around it).
   */
  public static AggregationResult run(AggregationQuery aq, String project, IndexSupport indexes,
      java.util.function.Function<QueryPlan, QueryResults<Entity>> executor) {
    List<Aggregation> aggs = aq.aggregations();
    boolean countsOnly = aggs.stream().allMatch(a -> a.property() == null);
    Query q = countsOnly ? aq.query().toBuilder().keysOnly().build() : aq.query();
    long cap = countsOnly ? maxCap(aggs) : Long.MAX_VALUE;
    Accumulator[] acc = new Accumulator[aggs.size()];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = new Accumulator(aggs.get(i));
    }
    long seen = 0;
    try (QueryResults<Entity> r = executor.apply(Planner.plan(q, project, indexes))) {
      while (seen < cap && r.hasNext()) {
        Entity e = r.next();
        seen++;
        for (Accumulator a : acc) {
          a.add(e);
        }
      }
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Accumulator a : acc) {
      out.put(a.agg.alias(), a.result());
    }
    return new AggregationResult(out);
  }

  /** With only counts, the largest COUNT_UP_TO bound, or no bound if a plain COUNT is asked. */
  private static long maxCap(List<Aggregation> aggs) {
    long cap = 0;
    for (Aggregation a : aggs) {
      if (a.operator() == Aggregation.Operator.COUNT) {
        return Long.MAX_VALUE;
      }
      cap = Math.max(cap, a.upTo());
    }
    return cap;
  }

  private static final class Accumulator {
    final Aggregation agg;
    long count;
    long longSum;
    double doubleSum;
    boolean isDouble;
    long numeric;

    Accumulator(Aggregation agg) {
      this.agg = agg;
    }

    void add(Entity e) {
      switch (agg.operator()) {
        case COUNT -> count++;
        case COUNT_UP_TO -> {
          if (count < agg.upTo()) {
            count++;
          }
        }
        case SUM, AVG -> addNumber(e.get(agg.property()));
      }
    }

    private void addNumber(Value v) {
      if (v instanceof IntegerValue i) {
        numeric++;
        if (!isDouble) {
          long s = longSum + i.value();
          if (((longSum ^ s) & (i.value() ^ s)) < 0) {
            isDouble = true;
            doubleSum = (double) longSum + i.value();
          } else {
            longSum = s;
          }
        } else {
          doubleSum += i.value();
        }
      } else if (v instanceof DoubleValue d) {
        numeric++;
        if (!isDouble) {
          isDouble = true;
          doubleSum = longSum;
        }
        doubleSum += d.value();
      }
    }

    Value result() {
      switch (agg.operator()) {
        case COUNT:
        case COUNT_UP_TO:
          return Value.of(count);
        case SUM:
          return isDouble ? Value.of(doubleSum) : Value.of(longSum);
        default:
          if (numeric == 0) {
            return Value.ofNull();
          }
          return Value.of((isDouble ? doubleSum : (double) longSum) / numeric);
      }
    }
  }
}
