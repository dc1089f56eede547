package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.gql.GqlException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GQL through the datastore: the same results as the equivalent structured query. */
class GqlEngineTest {
  private static final GqlDialect AE = GqlDialect.APP_ENGINE;
  private static final GqlDialect CLOUD = GqlDialect.CLOUD;

  private MegaliteDatastore ds;
  private Key acme;

  @BeforeEach
  void fixture() {
    ds = Megalite.inMemory();
    acme = ds.newKey("Company", "acme");
    Key other = ds.newKey("Company", "other");
    List<Entity> es = new ArrayList<>();
    String[] roles = {"executive", "manager", "producer"};
    for (int i = 1; i <= 30; i++) {
      es.add(Entity.newBuilder((i % 2 == 0 ? acme : other).child("Employee", i))
          .set("name", "e" + i)
          .set("role", roles[i % 3])
          .set("age", 20 + i)
          .set("score", i / 4.0)
          .set("active", i % 5 != 0)
          .set("hired", Instant.parse("2020-01-01T00:00:00Z").plusSeconds(86_400L * i))
          .set("tags", Value.of("t" + i % 4), Value.of("t" + i % 7))
          .build());
    }
    ds.put(es);
  }

  @AfterEach
  void close() {
    ds.close();
  }

  private List<Key> keys(QueryResults<Entity> r) {
    List<Key> out = new ArrayList<>();
    try (r) {
      while (r.hasNext()) {
        out.add(r.next().completeKey());
      }
    }
    return out;
  }

  private List<Key> structured(Query q) {
    return keys(ds.run(q));
  }

  @Test
  void appEngineEqualityWithPositionalBindingMatchesTheStructuredQuery() {
    assertThat(keys(ds.gql("SELECT * FROM Employee WHERE role = :1", "manager")))
        .isNotEmpty()
        .isEqualTo(structured(Query.newBuilder("Employee").filter(Filter.eq("role", "manager")).build()));
  }

  @Test
  void everyComparisonOperatorGivesTheStructuredResultInBothDialects() {
    String[][] ops = {{"<", "LESS_THAN"}, {"<=", "LESS_THAN_OR_EQUAL"}, {">", "GREATER_THAN"},
        {">=", "GREATER_THAN_OR_EQUAL"}, {"!=", "NOT_EQUAL"}, {"=", "EQUAL"}};
    for (String[] op : ops) {
      Query q = Query.newBuilder("Employee")
          .filter(dev.megalite.api.query.PropertyFilter.of(
              "age", dev.megalite.api.query.Operator.valueOf(op[1]), Value.of(35L)))
          .build();
      List<Key> expected = structured(q);
      assertThat(keys(ds.gql(AE, "SELECT * FROM Employee WHERE age " + op[0] + " :1", Map.of(), 35)))
          .as("App Engine %s", op[0]).isEqualTo(expected);
      assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE age " + op[0] + " @1", Map.of(), 35)))
          .as("Cloud %s", op[0]).isEqualTo(expected);
    }
  }

  @Test
  void inAndNotInAndOrMatchTheStructuredQuery() {
    List<Key> in = structured(Query.newBuilder("Employee")
        .filter(Filter.in("role", Value.of("executive"), Value.of("producer"))).build());
    assertThat(keys(ds.gql("SELECT * FROM Employee WHERE role IN ('executive', 'producer')")))
        .isEqualTo(in);
    assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE role IN ARRAY('executive', 'producer')",
        Map.of()))).isEqualTo(in);
    assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE role = 'executive' OR role = 'producer'",
        Map.of()))).isEqualTo(in);
    assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE role NOT IN ARRAY('manager')",
        Map.of()))).containsExactlyInAnyOrderElementsOf(in);
  }

  @Test
  void ancestorQueriesInBothSpellings() {
    List<Key> expected = structured(Query.newBuilder("Employee").ancestor(acme).build());
    assertThat(expected).hasSize(15);
    assertThat(keys(ds.gql("SELECT * FROM Employee WHERE ANCESTOR IS :1", acme))).isEqualTo(expected);
    assertThat(keys(ds.gql("SELECT * FROM Employee WHERE ANCESTOR IS KEY('Company', 'acme')")))
        .isEqualTo(expected);
    assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE __key__ HAS ANCESTOR @a",
        Map.of("a", acme)))).isEqualTo(expected);
  }

  @Test
  void sortLimitOffsetAndCursorsWork() {
    Query q = Query.newBuilder("Employee").orderBy(SortOrder.desc("age")).limit(5).offset(2).build();
    assertThat(keys(ds.gql("SELECT * FROM Employee ORDER BY age DESC LIMIT 2, 5")))
        .isEqualTo(structured(q));

    List<Key> firstPage;
    Cursor after;
    try (QueryResults<Entity> r = ds.gql(CLOUD, "SELECT * FROM Employee ORDER BY age LIMIT 4", Map.of())) {
      firstPage = new ArrayList<>();
      while (r.hasNext()) {
        firstPage.add(r.next().completeKey());
      }
      after = r.cursorAfter();
    }
    List<Key> second = keys(ds.gql(CLOUD, "SELECT * FROM Employee ORDER BY age LIMIT 4 OFFSET @c",
        Map.of("c", after)));
    List<Key> all = structured(Query.newBuilder("Employee").orderBy(SortOrder.asc("age")).limit(8).build());
    assertThat(firstPage).isEqualTo(all.subList(0, 4));
    assertThat(second).isEqualTo(all.subList(4, 8));
  }

  @Test
  void keysOnlyProjectionAndDistinctWork() {
    try (QueryResults<Entity> r = ds.gql("SELECT __key__ FROM Employee WHERE role = 'manager'")) {
      while (r.hasNext()) {
        assertThat(r.next().properties()).isEmpty();
      }
    }
    List<Value> roles = new ArrayList<>();
    try (QueryResults<Entity> r = ds.gql("SELECT DISTINCT role FROM Employee")) {
      while (r.hasNext()) {
        roles.add(r.next().get("role"));
      }
    }
    assertThat(roles).containsExactly(Value.of("executive"), Value.of("manager"), Value.of("producer"));
  }

  @Test
  void castsCompareLikeTheirValues() {
    List<Key> expected = structured(Query.newBuilder("Employee")
        .filter(Filter.ge("hired", Value.of(Instant.parse("2020-01-21T00:00:00Z")))).build());
    assertThat(keys(ds.gql("SELECT * FROM Employee WHERE hired >= DATETIME(2020, 1, 21)")))
        .isEqualTo(expected);
    assertThat(keys(ds.gql(CLOUD, "SELECT * FROM Employee WHERE hired >= DATETIME('2020-01-21T00:00:00Z')",
        Map.of()))).isEqualTo(expected);
  }

  @Test
  void aggregationsCountSumAndAverage() {
    var r = ds.gqlAggregate(CLOUD,
        "SELECT COUNT(*) AS n, SUM(age) AS total, AVG(age) AS mean FROM Employee WHERE role = @r",
        Map.of("r", "manager"));
    List<Key> managers = structured(Query.newBuilder("Employee").filter(Filter.eq("role", "manager")).build());
    long total = 0;
    for (Key k : managers) {
      total += ds.get(k).getLong("age");
    }
    assertThat(r.get("n")).isEqualTo(Value.of((long) managers.size()));
    assertThat(r.get("total")).isEqualTo(Value.of(total));
    assertThat(r.get("mean")).isEqualTo(Value.of((double) total / managers.size()));
    assertThat(ds.gqlAggregate(CLOUD, "AGGREGATE COUNT_UP_TO(3) OVER (SELECT * FROM Employee)", Map.of())
        .get("property_1")).isEqualTo(Value.of(3L));
  }

  @Test
  void gqlErrorsArePositionedAndBadRequests() {
    assertThatThrownBy(() -> ds.gql("SELECT * FROM Employee WHER age > 5"))
        .isInstanceOf(GqlException.class)
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("1:24");
    assertThatThrownBy(() -> ds.gql("SELECT * FROM Employee WHERE age > :1"))
        .isInstanceOf(GqlException.class);
    assertThatThrownBy(() -> ds.gql(CLOUD, "SELECT COUNT(*) FROM Employee", Map.of()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("gqlAggregate");
  }

  @Test
  void aQueryThatNeedsACompositeIndexGetsOneInDevelopmentAndFailsWhenIndexesAreRequired() {
    String gql = "SELECT * FROM Employee WHERE role = 'manager' ORDER BY age";
    List<Key> expected = new ArrayList<>();
    for (int age = 21; age <= 50; age++) {
      int i = age - 20;
      if (i % 3 == 1) {
        expected.add((i % 2 == 0 ? acme : ds.newKey("Company", "other")).child("Employee", i));
      }
    }
    assertThat(keys(ds.gql(gql))).isEqualTo(expected);
    try (MegaliteDatastore strict =
        Megalite.open(MegaliteOptions.newBuilder().requireIndexes(true).build())) {
      assertThatThrownBy(() -> strict.gql(gql))
          .isInstanceOf(dev.megalite.api.error.NeedIndexException.class)
          .hasMessageContaining("- name: role");
    }
  }
}
