package dev.megalite.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryTest {

  private static final Key ANCESTOR = Key.of("s~myapp", "ns", "Person", 1);

  @Nested
  class Building {

    @Test
    void newQueryHasNoLimitNoOffsetAndNothingElseSet() {
      Query q = Query.newBuilder().build();

      assertThat(q.limit()).isEqualTo(-1);
      assertThat(q.offset()).isZero();
      assertThat(q.kind()).isNull();
      assertThat(q.namespace()).isNull();
      assertThat(q.ancestor()).isNull();
      assertThat(q.filter()).isNull();
      assertThat(q.orders()).isEmpty();
      assertThat(q.keysOnly()).isFalse();
      assertThat(q.projection()).isEmpty();
      assertThat(q.distinctOn()).isEmpty();
      assertThat(q.startCursor()).isNull();
      assertThat(q.endCursor()).isNull();
    }

    @Test
    void builderSetsEveryPart() {
      Cursor start = Cursor.of(new byte[] {1});
      Cursor end = Cursor.of(new byte[] {2});
      Filter filter = Filter.eq("age", 30L);

      Query q =
          Query.newBuilder("Person")
              .namespace("ns")
              .ancestor(ANCESTOR)
              .filter(filter)
              .orderBy(SortOrder.asc("name"), SortOrder.desc("__key__"))
              .projection("name", "age")
              .distinctOn("name")
              .limit(10)
              .offset(5)
              .startCursor(start)
              .endCursor(end)
              .build();

      assertThat(q.kind()).isEqualTo("Person");
      assertThat(q.namespace()).isEqualTo("ns");
      assertThat(q.ancestor()).isEqualTo(ANCESTOR);
      assertThat(q.filter()).isEqualTo(filter);
      assertThat(q.orders()).containsExactly(SortOrder.asc("name"), SortOrder.desc("__key__"));
      assertThat(q.projection()).containsExactly("name", "age");
      assertThat(q.distinctOn()).containsExactly("name");
      assertThat(q.limit()).isEqualTo(10);
      assertThat(q.offset()).isEqualTo(5);
      assertThat(q.startCursor()).isEqualTo(start);
      assertThat(q.endCursor()).isEqualTo(end);
    }

    @Test
    void limitZeroAndMinusOneAreAllowed() {
      assertThat(Query.newBuilder().limit(0).build().limit()).isZero();
      assertThat(Query.newBuilder().limit(5).limit(-1).build().limit()).isEqualTo(-1);
    }

    @Test
    void changingTheBuilderAfterBuildDoesNotChangeTheQuery() {
      Query.Builder builder = Query.newBuilder("Person").orderBy(SortOrder.asc("a"));
      Query q = builder.build();

      builder.orderBy(SortOrder.asc("b")).projection("x").limit(3);

      assertThat(q.orders()).containsExactly(SortOrder.asc("a"));
      assertThat(q.projection()).isEmpty();
      assertThat(q.limit()).isEqualTo(-1);
    }

    @Test
    void listsOfABuiltQueryAreUnmodifiable() {
      Query q = Query.newBuilder().orderBy(SortOrder.asc("a")).projection("a").build();

      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> q.orders().clear());
      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> q.projection().add("b"));
    }

    @Test
    void toBuilderRoundTripsToAnEqualQuery() {
      Query q =
          Query.newBuilder("Person")
              .namespace("ns")
              .ancestor(ANCESTOR)
              .filter(Filter.and(Filter.eq("a", 1L), Filter.gt("b", Value.of(2L))))
              .orderBy(SortOrder.asc("b"))
              .projection("a", "b")
              .distinctOn("a")
              .limit(7)
              .offset(2)
              .startCursor(Cursor.of(new byte[] {9}))
              .endCursor(Cursor.of(new byte[] {10}))
              .build();
      Query keysOnly = Query.newBuilder().keysOnly().build();

      assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
      assertThat(keysOnly.toBuilder().build()).isEqualTo(keysOnly);
    }

    @Test
    void toBuilderChangesDoNotAffectTheOriginal() {
      Query q = Query.newBuilder("Person").orderBy(SortOrder.asc("a")).limit(4).build();

      Query changed = q.toBuilder().clearOrders().limit(8).kind("Pet").build();

      assertThat(q.orders()).containsExactly(SortOrder.asc("a"));
      assertThat(q.limit()).isEqualTo(4);
      assertThat(q.kind()).isEqualTo("Person");
      assertThat(changed).isNotEqualTo(q);
    }

    @Test
    void queriesDifferingInOnePartAreNotEqual() {
      Query base = Query.newBuilder("Person").build();

      assertThat(base)
          .isEqualTo(Query.newBuilder("Person").build())
          .isNotEqualTo(Query.newBuilder("Pet").build())
          .isNotEqualTo(base.toBuilder().keysOnly().build())
          .isNotEqualTo(base.toBuilder().limit(1).build())
          .isNotEqualTo(base.toBuilder().offset(1).build())
          .isNotEqualTo(base.toBuilder().namespace("").build())
          .isNotEqualTo(base.toBuilder().projection("a").distinctOn("a").build())
          .isNotEqualTo(base.toBuilder().startCursor(Cursor.of(new byte[] {1})).build());
    }
  }

  @Nested
  class Validation {

    @Test
    void keysOnlyWithAProjectionIsRejected() {
      Query.Builder builder = Query.newBuilder("Person").keysOnly().projection("name");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("projection and keys_only");
    }

    @Test
    void projectingAPropertyTwiceIsRejected() {
      Query.Builder builder = Query.newBuilder("Person").projection("name", "age", "name");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("multiple times: 'name'");
    }

    @Test
    void projectingTheKeyIsRejected() {
      Query.Builder builder = Query.newBuilder("Person").projection("__key__");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("cannot project __key__");
    }

    @Test
    void projectingAReservedPropertyIsRejected() {
      Query.Builder builder = Query.newBuilder("Person").projection("__scatter__");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("reserved property '__scatter__'");
    }

    @Test
    void distinctOnAPropertyThatIsNotProjectedIsRejected() {
      Query.Builder builder = Query.newBuilder("Person").projection("name").distinctOn("age");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("distinct on 'age' must be one of the projected properties");
    }

    @Test
    void distinctOnTheSamePropertyTwiceIsRejected() {
      Query.Builder builder =
          Query.newBuilder("Person").projection("name").distinctOn("name", "name");

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("given twice");
    }

    @Test
    void negativeLimitBelowMinusOneIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Query.newBuilder().limit(-2))
          .withMessageContaining("limit -2 is negative");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Query.newBuilder().limit(Integer.MIN_VALUE));
    }

    @Test
    void negativeOffsetIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Query.newBuilder().offset(-1))
          .withMessageContaining("offset -1 is negative");
    }

    @Test
    void ancestorInAnotherNamespaceThanTheQueryIsRejected() {
      Query.Builder builder = Query.newBuilder("Pet").namespace("other").ancestor(ANCESTOR);

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(builder::build)
          .withMessageContaining("namespace 'ns'")
          .withMessageContaining("namespace 'other'");
    }

    @Test
    void ancestorInTheDefaultNamespaceDoesNotMatchANamedQueryNamespace() {
      Key root = Key.of("s~myapp", "Person", 1);
      Query.Builder builder = Query.newBuilder("Pet").namespace("ns").ancestor(root);

      assertThatExceptionOfType(BadRequestException.class).isThrownBy(builder::build);
    }

    @Test
    void ancestorInTheQueryNamespaceOrWithNoQueryNamespaceIsAccepted() {
      assertThat(Query.newBuilder("Pet").namespace("ns").ancestor(ANCESTOR).build().ancestor())
          .isEqualTo(ANCESTOR);
      assertThat(Query.newBuilder("Pet").ancestor(ANCESTOR).build().namespace()).isNull();
    }

    @Test
    void emptyOrReservedKindIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Query.newBuilder(""))
          .withMessageContaining("empty or reserved");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Query.newBuilder("__Stat_Kind__"))
          .withMessageContaining("empty or reserved");
    }

    @Test
    void nullKindMakesAKindlessQuery() {
      assertThat(Query.newBuilder("Person").kind(null).build().kind()).isNull();
    }

    @Test
    void sortOrderOnAnInvalidPropertyIsRejectedButKeyIsAllowed() {
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> SortOrder.asc(""));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> SortOrder.desc("__foo__"));
      assertThat(SortOrder.desc("__key__").descending()).isTrue();
      assertThat(SortOrder.asc("__key__").descending()).isFalse();
    }
  }

  @Nested
  class Filters {

    @Test
    void inWithoutAListIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PropertyFilter.of("a", Operator.IN, Value.of(1L)))
          .withMessageContaining("needs a list of values");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PropertyFilter.of("a", Operator.NOT_IN, Value.of(1L)))
          .withMessageContaining("needs a list of values");
    }

    @Test
    void aListWithAnyOtherOperatorIsRejected() {
      for (Operator op : Operator.values()) {
        if (op.takesList()) {
          continue;
        }
        assertThatExceptionOfType(BadRequestException.class)
            .as("%s", op)
            .isThrownBy(() -> PropertyFilter.of("a", op, Value.list(Value.of(1L))))
            .withMessageContaining("only allowed with IN and NOT IN");
      }
    }

    @Test
    void inAndNotInAcceptLists() {
      PropertyFilter in = (PropertyFilter) Filter.in("a", Value.of(1L), Value.of(2L));
      PropertyFilter notIn = (PropertyFilter) Filter.notIn("a", Value.of(1L));

      assertThat(in.op()).isEqualTo(Operator.IN);
      assertThat(notIn.op()).isEqualTo(Operator.NOT_IN);
      assertThat(in.value()).isEqualTo(Value.list(Value.of(1L), Value.of(2L)));
    }

    @Test
    void keyFilterWithANonKeyValueIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Filter.eq("__key__", "Person:1"))
          .withMessageContaining("__key__ filter value must be a Key");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Filter.in("__key__", Value.of(ANCESTOR), Value.of(1L)))
          .withMessageContaining("__key__ filter value must be a Key");
    }

    @Test
    void keyFilterWithKeysIsAccepted() {
      PropertyFilter f = (PropertyFilter) Filter.key(Operator.GREATER_THAN, ANCESTOR);
      PropertyFilter in =
          (PropertyFilter) Filter.in("__key__", Value.of(ANCESTOR), Value.of(ANCESTOR));

      assertThat(f.isKeyFilter()).isTrue();
      assertThat(f.value()).isEqualTo(Value.of(ANCESTOR));
      assertThat(in.isKeyFilter()).isTrue();
      assertThat(((PropertyFilter) Filter.eq("a", 1L)).isKeyFilter()).isFalse();
    }

    @Test
    void filterOnAReservedOrEmptyPropertyIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Filter.eq("__x__", 1L))
          .withMessageContaining("reserved");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Filter.eq("", 1L))
          .withMessageContaining("empty");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PropertyFilter.of("a", null, Value.of(1L)));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PropertyFilter.of("a", Operator.EQUAL, null));
    }

    @Test
    void compositeFilterNeedsAtLeastOneNonNullFilter() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> CompositeFilter.of(CompositeFilter.Op.AND, List.of()));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> CompositeFilter.of(null, List.of(Filter.eq("a", 1L))));
    }

    @Test
    void compositeFilterKeepsItsFiltersInOrder() {
      Filter a = Filter.eq("a", 1L);
      Filter b = Filter.lt("b", Value.of(2L));

      CompositeFilter or = (CompositeFilter) Filter.or(a, b);

      assertThat(or.op()).isEqualTo(CompositeFilter.Op.OR);
      assertThat(or.filters()).containsExactly(a, b);
    }

    @Test
    void operatorsKnowTheirCategories() {
      assertThat(Operator.LESS_THAN.isInequality()).isTrue();
      assertThat(Operator.GREATER_THAN_OR_EQUAL.isInequality()).isTrue();
      assertThat(Operator.EQUAL.isInequality()).isFalse();
      assertThat(Operator.NOT_EQUAL.isInequality()).isFalse();
      assertThat(Operator.NOT_EQUAL.isDisjunctive()).isTrue();
      assertThat(Operator.IN.isDisjunctive()).isTrue();
      assertThat(Operator.EQUAL.isDisjunctive()).isFalse();
      assertThat(Operator.NOT_IN.symbol()).isEqualTo("NOT IN");
    }
  }
}
