package dev.megalite.index.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.SortOrder;
import org.junit.jupiter.api.Test;

class IndexQueryTest {

  @Test
  void inWithOneValueIsAnEquality() {
    IndexQuery in = IndexQuery.newBuilder("K").filter("a", Operator.IN, 1).build();
    IndexQuery eq = IndexQuery.newBuilder("K").filter("a", Operator.EQUAL, 1).build();

    assertThat(in).isEqualTo(eq);
    assertThat(in.equalities()).containsExactly("a");
    assertThatThrownBy(() -> IndexQuery.newBuilder("K").filter("a", Operator.IN, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disjunction");
  }

  @Test
  void rangeAndNotEqualFiltersAreInequalities() {
    for (Operator op :
        new Operator[] {
          Operator.LESS_THAN,
          Operator.LESS_THAN_OR_EQUAL,
          Operator.GREATER_THAN,
          Operator.GREATER_THAN_OR_EQUAL,
          Operator.NOT_EQUAL,
          Operator.NOT_IN
        }) {
      assertThat(IndexQuery.newBuilder("K").filter("a", op, 1).build().inequality())
          .as(op.symbol())
          .isEqualTo("a");
    }
  }

  @Test
  void aRangeOnTheKeyIsTheKeyRangeFlag() {
    IndexQuery q = IndexQuery.newBuilder("K").filter("__key__", Operator.GREATER_THAN, 1).build();

    assertThat(q.keyRange()).isTrue();
    assertThat(q.inequality()).isNull();
  }

  @Test
  void rangesOnTwoPropertiesAreRejectedInAppEnginesWords() {
    assertThatThrownBy(() -> IndexQuery.newBuilder("K").inequality("a").inequality("b"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage(
            "Only one inequality filter per query is supported. Encountered both a and b");
  }

  @Test
  void theFirstSortMustBeOnTheInequalityProperty() {
    assertThatThrownBy(
            () ->
                IndexQuery.newBuilder("K")
                    .inequality("a")
                    .order(SortOrder.asc("b"))
                    .order(SortOrder.asc("a"))
                    .build())
        .isInstanceOf(BadRequestException.class)
        .hasMessage(
            "The first sort property must be the same as the property to which the inequality"
                + " filter is applied. In your query the first sort property is b but the"
                + " inequality filter is on a");
  }

  @Test
  void reservedNamesOtherThanTheKeyAreRejected() {
    assertThatThrownBy(() -> IndexQuery.newBuilder("K").equality("__scatter__"))
        .isInstanceOf(BadRequestException.class);
    assertThat(IndexQuery.newBuilder("K").equality("__key__").build().equalities())
        .containsExactly("__key__");
  }

  @Test
  void describesItselfForPlansAndLogs() {
    IndexQuery q =
        IndexQuery.newBuilder("K")
            .ancestor(true)
            .equality("b")
            .equality("a")
            .inequality("c")
            .order(SortOrder.desc("c"))
            .projection("c", "d")
            .build();

    assertThat(q).hasToString("K ancestor eq[a, b] range[c] order[c DESC] project[c, d]");
    assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
  }
}
