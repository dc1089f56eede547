package dev.megalite.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.Value;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  private MegaliteDatastore ds;

  @BeforeEach
  void open() {
    ds = Megalite.inMemory();
    List<Entity> es = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      Entity.Builder b = Entity.newBuilder(ds.newKey("Order", i)).set("even", i % 2 == 0);
      if (i <= 4) {
        b.set("amount", i * 10L);
      } else if (i <= 6) {
        b.set("amount", i + 0.5);
      } else if (i == 7) {
        b.set("amount", "not a number");
      }
      es.add(b.build());
    }
    ds.put(es);
  }

  @AfterEach
  void close() {
    ds.close();
  }

  private AggregationResult run(Query q, Aggregation... aggs) {
    return ds.runAggregation(AggregationQuery.of(q, aggs));
  }

  @Test
  void countCountsEveryResultAndRespectsTheFilter() {
    AggregationResult all = run(Query.newBuilder("Order").build(), Aggregation.count().as("n"));
    AggregationResult even =
        run(Query.newBuilder("Order").filter(Filter.eq("even", true)).build(), Aggregation.count());

    assertThat(all.get("n")).isEqualTo(Value.of(10L));
    assertThat(even.get("property_1")).isEqualTo(Value.of(5L));
  }

  @Test
  void countUpToStopsAtItsBound() {
    AggregationResult r = run(Query.newBuilder("Order").build(), Aggregation.countUpTo(3));

    assertThat(r.get("property_1")).isEqualTo(Value.of(3L));
  }

  @Test
  void countAppliesTheQueryOffsetAndLimitFirst() {
    AggregationResult r =
        run(Query.newBuilder("Order").offset(2).limit(5).build(), Aggregation.count());

    assertThat(r.get("property_1")).isEqualTo(Value.of(5L));
  }

  @Test
  void sumOfIntegersStaysAnIntegerAndIgnoresEntitiesWithoutANumber() {
    AggregationResult r =
        run(Query.newBuilder("Order").filter(Filter.le("amount", Value.of(40L))).build(),
            Aggregation.sum("amount").as("total"));

    assertThat(r.get("total")).isEqualTo(Value.of(100L));
  }

  @Test
  void sumWithADoubleIsADoubleAndAverageSkipsNonNumericValues() {
    AggregationResult r = run(Query.newBuilder("Order").build(),
        Aggregation.sum("amount").as("total"), Aggregation.avg("amount").as("mean"));

    assertThat(r.get("total")).isEqualTo(Value.of(100 + 5.5 + 6.5));
    assertThat(r.get("mean")).isEqualTo(Value.of((100 + 5.5 + 6.5) / 6));
  }

  @Test
  void averageOfNothingIsNullAndSumOfNothingIsZero() {
    Query none = Query.newBuilder("Order").filter(Filter.eq("even", "neither")).build();
    AggregationResult r =
        run(none, Aggregation.avg("amount").as("mean"), Aggregation.sum("amount").as("total"));

    assertThat(r.get("mean")).isEqualTo(Value.ofNull());
    assertThat(r.get("total")).isEqualTo(Value.of(0L));
  }

  @Test
  void integerSumThatOverflowsBecomesADouble() {
    ds.put(Entity.newBuilder(ds.newKey("Big", 1)).set("v", Long.MAX_VALUE).build());
    ds.put(Entity.newBuilder(ds.newKey("Big", 2)).set("v", Long.MAX_VALUE).build());

    AggregationResult r = run(Query.newBuilder("Big").build(), Aggregation.sum("v"));

    assertThat(r.get("property_1")).isEqualTo(Value.of(2.0 * Long.MAX_VALUE));
  }
}
