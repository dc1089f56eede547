package dev.megalite.gql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ErrorCode;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.gql.format.GqlFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public API: parse, cache, bind, bindings, errors and formatting. */
class GqlTest {

  @Test
  void theIssuesExampleSyntaxErrorReadsExactlyAsSpecified() {
    assertThatThrownBy(() -> Gql.parse("SELECT * FROM Programmers WHER age > 5", GqlDialect.CLOUD))
        .isInstanceOf(GqlException.class)
        .hasMessage(
            "GQL syntax error at 1:27: unexpected 'WHER'; expected WHERE, ORDER BY, LIMIT, OFFSET"
                + " or end of query");
  }

  @Test
  void aGqlErrorIsABadRequestWithTheLineAndColumnItRefersTo() {
    GqlException e =
        catchGql(() -> Gql.parse("SELECT *\nFROM Person\nWHERE age >> 5", GqlDialect.APP_ENGINE));
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.detail()).isEqualTo("unexpected '>'; expected '(' or a value");
    assertThat(e.getMessage()).startsWith("GQL syntax error at 3:12: ");
  }

  @Test
  void parsingTheSameTextAgainReturnsTheCachedStatementForThatDialect() {
    String text = "SELECT * FROM CacheProbe WHERE a = 1";
    GqlStatement first = Gql.parse(text, GqlDialect.CLOUD);
    assertThat(Gql.parse(text, GqlDialect.CLOUD)).isSameAs(first);
    assertThat(Gql.parse(text, GqlDialect.APP_ENGINE)).isNotSameAs(first);
    assertThat(Gql.parseUncached(text, GqlDialect.CLOUD)).isNotSameAs(first);
  }

  @Test
  void onePreparedStatementBindsToADifferentQueryForEachSetOfArguments() {
    GqlStatement s = Gql.parse("SELECT * FROM Person WHERE age > @min", GqlDialect.CLOUD);
    Query young = s.bind(GqlBindings.of(Map.of("min", 18L)), "p").query();
    Query old = s.bind(GqlBindings.of(Map.of("min", 65L)), "p").query();
    assertThat(young.filter()).isEqualTo(Filter.gt("age", Value.of(18L)));
    assertThat(old.filter()).isEqualTo(Filter.gt("age", Value.of(65L)));
  }

  @Test
  void aSelectBindsToAQueryAndAnAggregationToAnAggregationQuery() {
    BoundGql select = Gql.bind("SELECT * FROM Task", GqlDialect.CLOUD, GqlBindings.none(), "p", null);
    BoundGql count =
        Gql.bind("SELECT COUNT(*) AS n FROM Task", GqlDialect.CLOUD, GqlBindings.none(), "p", null);
    assertThat(select).isInstanceOf(BoundGql.Select.class);
    assertThat(count).isInstanceOf(BoundGql.Aggregate.class);
    assertThat(((BoundGql.Aggregate) count).aggregation().aggregations().get(0).alias()).isEqualTo("n");
    assertThat(count.query()).isEqualTo(select.query());
  }

  @Test
  void keyLiteralsTakeTheProjectAndNamespaceOfTheBindUnlessTheyNameTheirOwn() {
    GqlStatement s =
        Gql.parse(
            "SELECT * FROM K WHERE a = KEY(A, 1) AND b = KEY(PROJECT('q'), NAMESPACE('m'), A, 1)",
            GqlDialect.CLOUD);
    Query q = s.bind(GqlBindings.none(), "proj", "ns").query();
    List<Filter> filters = ((dev.megalite.api.query.CompositeFilter) q.filter()).filters();
    assertThat(((PropertyFilter) filters.get(0)).value()).isEqualTo(Value.of(Key.of("proj", "ns", "A", 1)));
    assertThat(((PropertyFilter) filters.get(1)).value()).isEqualTo(Value.of(Key.of("q", "m", "A", 1)));
    assertThat(q.namespace()).isEqualTo("ns");
  }

  @Test
  void bindingsCopyArraysAndCollectionsSoLaterChangesDoNotLeakIn() {
    byte[] bytes = {1, 2};
    List<Object> tags = new ArrayList<>(List.of("a"));
    GqlBindings b = GqlBindings.of(bytes, tags);
    bytes[0] = 9;
    tags.add("b");
    Query q =
        Gql.parse("SELECT * FROM K WHERE data = @1 AND tag IN @2", GqlDialect.CLOUD).bind(b, "p").query();
    assertThat(q.filter())
        .isEqualTo(Filter.and(Filter.eq("data", Value.of(new byte[] {1, 2})), Filter.in("tag", Value.of("a"))));
    assertThatThrownBy(() -> b.positional().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStatementReportsTheBindingSitesItNeeds() {
    GqlStatement s =
        Gql.parse("SELECT * FROM K WHERE a = :2 AND b = :who AND c IN (:1, :who)", GqlDialect.APP_ENGINE);
    assertThat(s.positionalSites()).containsExactly(1, 2);
    assertThat(s.namedSites()).containsExactly("who");
    assertThat(s.isAggregation()).isFalse();
  }

  @Test
  void aBindErrorNamesTheSiteAndBuildsNothing() {
    GqlStatement s = Gql.parse("SELECT * FROM K WHERE a = @1 AND b = @2", GqlDialect.CLOUD);
    assertThatThrownBy(() -> s.bind(GqlBindings.of(1L), "p"))
        .isInstanceOf(GqlException.class)
        .hasMessage(
            "GQL error at 1:38: missing argument for binding @2: requires argument #2, but only 1 was"
                + " given");
  }

  @Test
  void deeplyNestedParenthesesAreRefusedWithoutExhaustingTheStack() {
    String text = "SELECT * FROM K WHERE " + "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
    assertThatThrownBy(() -> Gql.parseUncached(text, GqlDialect.CLOUD))
        .isInstanceOf(GqlException.class)
        .hasMessageContaining("nested deeper than 100");
  }

  @Test
  void theFormatterQuotesNamesThatAreKeywordsOfTheTargetDialect() {
    GqlStatement s = Gql.parse("SELECT * FROM count WHERE \"order\" = 1", GqlDialect.APP_ENGINE);
    assertThat(s.format()).isEqualTo("SELECT * FROM count WHERE \"order\" = 1");
    assertThat(GqlFormatter.format(s.ast(), GqlDialect.CLOUD))
        .isEqualTo("SELECT * FROM `count` WHERE `order` = 1");
  }

  @Test
  void keywordsAreCaseInsensitiveButNamesAreNot() {
    Query lower = Gql.parse("select * from Person where Age = 1", GqlDialect.CLOUD).bind(GqlBindings.none(), "p").query();
    Query upper = Gql.parse("SELECT * FROM Person WHERE age = 1", GqlDialect.CLOUD).bind(GqlBindings.none(), "p").query();
    assertThat(lower.kind()).isEqualTo(upper.kind());
    assertThat(lower.filter()).isNotEqualTo(upper.filter());
  }

  private static GqlException catchGql(Runnable r) {
    try {
      r.run();
    } catch (GqlException e) {
      return e;
    }
    throw new AssertionError("no GqlException");
  }
}
