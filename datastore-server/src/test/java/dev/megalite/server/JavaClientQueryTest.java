package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.cloud.datastore.AggregationQuery;
import com.google.cloud.datastore.AggregationResult;
import com.google.cloud.datastore.Cursor;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreException;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.GqlQuery;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.KeyFactory;
import com.google.cloud.datastore.ListValue;
import com.google.cloud.datastore.PathElement;
import com.google.cloud.datastore.ProjectionEntity;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.QueryResults;
import com.google.cloud.datastore.StructuredQuery.CompositeFilter;
import com.google.cloud.datastore.StructuredQuery.OrderBy;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import com.google.cloud.datastore.aggregation.Aggregation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of query through the official Java client: filters of each operator, orders,
 * ancestors, projections, keys-only, cursors and batches, GQL with bindings, aggregations.
 */
class JavaClientQueryTest {
  /** 1,200 employees: more than one batch of results. */
  static final int N = 1_200;

  @TempDir static Path dir;
  static ServerFixture fixture;
  static Datastore ds;
  static Key company;

  @BeforeAll
  static void load() {
    fixture = new ServerFixture(dir);
    ds = fixture.client();
    company = ds.newKeyFactory().setKind("Company").newKey("acme");
    KeyFactory employees = ds.newKeyFactory().setKind("Employee");
    KeyFactory staff = ds.newKeyFactory().setKind("Employee").addAncestor(PathElement.of("Company", "acme"));
    List<Entity> batch = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      Key key = i < 10 ? staff.newKey(i + 1) : employees.newKey(i + 1);
      batch.add(Entity.newBuilder(key)
          .set("n", i)
          .set("team", "t" + (i % 12))
          .set("level", i % 5)
          .set("tags", "all", i % 2 == 0 ? "even" : "odd")
          .build());
      if (batch.size() == 500) {
        ds.put(batch.toArray(Entity[]::new));
        batch.clear();
      }
    }
    ds.put(batch.toArray(Entity[]::new));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static <T> List<T> all(Query<T> q) {
    List<T> out = new ArrayList<>();
    QueryResults<T> r = ds.run(q);
    r.forEachRemaining(out::add);
    return out;
  }

  private static List<Long> ns(Query<Entity> q) {
    return all(q).stream().map(e -> e.getLong("n")).toList();
  }

  @Test
  void aKindQueryReturnsEveryEntityAcrossBatches() {
    assertThat(all(Query.newEntityQueryBuilder().setKind("Employee").build())).hasSize(N);
  }

  @Test
  void equalityAndInequalityFiltersWithAnOrder() {
    List<Long> got = ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(CompositeFilter.and(PropertyFilter.eq("team", "t3"), PropertyFilter.lt("n", 100)))
        .setOrderBy(OrderBy.desc("n"))
        .build());
    assertThat(got).containsExactly(99L, 87L, 75L, 63L, 51L, 39L, 27L, 15L, 3L);
  }

  @Test
  void inNotInNotEqualAndOrFiltersWork() {
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(CompositeFilter.and(PropertyFilter.in("n", ListValue.of(5, 7, 5000)),
            PropertyFilter.eq("tags", "odd")))
        .build())).containsExactlyInAnyOrder(5L, 7L);
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(CompositeFilter.and(PropertyFilter.eq("level", 1),
            PropertyFilter.not_in("n", ListValue.of(1, 11))))
        .setLimit(3).build())).containsExactlyInAnyOrder(6L, 16L, 21L);
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(CompositeFilter.and(PropertyFilter.lt("n", 4), PropertyFilter.neq("n", 2)))
        .build())).containsExactlyInAnyOrder(0L, 1L, 3L);
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(CompositeFilter.or(PropertyFilter.eq("n", 1), PropertyFilter.eq("n", 1000)))
        .build())).containsExactlyInAnyOrder(1L, 1000L);
  }

  @Test
  void anAncestorQueryReturnsTheGroupOnly() {
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(PropertyFilter.hasAncestor(company)).build()))
        .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void keysOnlyAndProjectionQueries() {
    List<Key> keys = all(Query.newKeyQueryBuilder().setKind("Employee")
        .setFilter(PropertyFilter.eq("n", 42)).build());
    assertThat(keys).extracting(Key::getId).containsExactly(43L);
    List<ProjectionEntity> p = all(Query.newProjectionEntityQueryBuilder().setKind("Employee")
        .setProjection("level").setDistinctOn("level").build());
    assertThat(p).extracting(e -> e.getLong("level")).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void cursorsPageThroughResultsWithoutGapsOrRepeats() {
    List<Long> seen = new ArrayList<>();
    Cursor cursor = null;
    for (int page = 0; page < 4; page++) {
      var b = Query.newEntityQueryBuilder().setKind("Employee")
          .setFilter(PropertyFilter.lt("n", 25)).setOrderBy(OrderBy.asc("n")).setLimit(10);
      if (cursor != null) {
        b.setStartCursor(cursor);
      }
      QueryResults<Entity> r = ds.run(b.build());
      r.forEachRemaining(e -> seen.add(e.getLong("n")));
      cursor = r.getCursorAfter();
    }
    assertThat(seen).hasSize(25);
    assertThat(seen).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void offsetSkipsResults() {
    assertThat(ns(Query.newEntityQueryBuilder().setKind("Employee")
        .setFilter(PropertyFilter.lt("n", 10)).setOrderBy(OrderBy.asc("n"))
        .setOffset(7).build())).containsExactly(7L, 8L, 9L);
  }

  @Test
  void gqlWithNamedAndPositionalBindings() {
    Query<Entity> q = Query.newGqlQueryBuilder(Query.ResultType.ENTITY,
            "SELECT * FROM Employee WHERE team = @team AND n < @1 ORDER BY n")
        .setBinding("team", "t5").addBinding(30L).build();
    assertThat(ns(q)).containsExactly(5L, 17L, 29L);
  }

  @Test
  void gqlWithLiteralsIsRejectedUnlessAllowed() {
    GqlQuery<Entity> literal = Query.newGqlQueryBuilder(Query.ResultType.ENTITY,
        "SELECT * FROM Employee WHERE n = 3").setAllowLiteral(false).build();
    DatastoreException e = catchThrowableOfType(DatastoreException.class, () -> all(literal));
    assertThat(e.getReason()).isEqualTo("INVALID_ARGUMENT");
    assertThat(e.getMessage()).contains("literal");
    assertThat(ns(Query.newGqlQueryBuilder(Query.ResultType.ENTITY,
        "SELECT * FROM Employee WHERE n = 3").setAllowLiteral(true).build())).containsExactly(3L);
  }

  @Test
  void gqlThatDoesNotParseNamesTheColumn() {
    DatastoreException e = catchThrowableOfType(DatastoreException.class, () -> all(
        Query.newGqlQueryBuilder(Query.ResultType.ENTITY, "SELECT * FROM Employee WHERE")
            .setAllowLiteral(true).build()));
    assertThat(e.getReason()).isEqualTo("INVALID_ARGUMENT");
    assertThat(e.getMessage()).contains("at 1:29");
  }

  @Test
  void countSumAndAvgAggregations() {
    AggregationResult r = ds.runAggregation(Query.newAggregationQueryBuilder()
        .over(Query.newEntityQueryBuilder().setKind("Employee")
            .setFilter(PropertyFilter.lt("n", 10)).build())
        .addAggregation(Aggregation.count().as("total"))
        .addAggregation(Aggregation.sum("n").as("sum"))
        .addAggregation(Aggregation.avg("n").as("avg"))
        .build()).get(0);
    assertThat(r.getLong("total")).isEqualTo(10);
    assertThat(r.getLong("sum")).isEqualTo(45);
    assertThat(r.getDouble("avg")).isEqualTo(4.5);
  }

  @Test
  void gqlAggregation() {
    AggregationResult r = ds.runAggregation(Query.newAggregationQueryBuilder()
        .over(Query.newGqlQueryBuilder(
                "AGGREGATE COUNT(*) AS c OVER (SELECT * FROM Employee WHERE level = @l)")
            .setBinding("l", 0L).build())
        .build()).get(0);
    assertThat(r.getLong("c")).isEqualTo(N / 5);
  }
}
