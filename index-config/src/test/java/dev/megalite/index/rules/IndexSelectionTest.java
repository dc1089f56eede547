package dev.megalite.index.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.query.SortOrder;
import dev.megalite.index.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which existing indexes serve a query: App Engine's {@code MinimalCompositeIndexForQuery}. */
class IndexSelectionTest {

  private static IndexDefinition.Builder index() {
    return IndexDefinition.newBuilder("K");
  }

  /** {@code a = ? AND b = ? ORDER BY c}. */
  private static final IndexQuery EQ_A_B_ORDER_C =
      IndexQuery.newBuilder("K").equality("a").equality("b").order(SortOrder.asc("c")).build();

  @Test
  void aQueryThatNeedsNoCompositeIndexUsesNone() {
    IndexSelection s =
        IndexRules.select(
            IndexQuery.newBuilder("K").equality("a").build(),
            List.of(index().asc("a").asc("b").build()));

    assertThat(s.served()).isTrue();
    assertThat(s.indexes()).isEmpty();
    assertThat(s.indexToAdd()).isEmpty();
    assertThat(s).hasToString("built-in: " + IndexNeed.Rule.EQUALITY_MERGE_JOIN.reason());
  }

  @Test
  void theMinimalIndexServesItsQuery() {
    IndexDefinition minimal = IndexRules.need(EQ_A_B_ORDER_C).minimalIndex().orElseThrow();

    IndexSelection s = IndexRules.select(EQ_A_B_ORDER_C, List.of(minimal));

    assertThat(s.indexes()).containsExactly(minimal);
    assertThat(s.served()).isTrue();
    assertThat(s.mergeJoin()).isFalse();
  }

  @Test
  void anIndexServesWhenItsSuffixMatchesAndItsOtherPropertiesAreTheEqualities() {
    IndexDefinition reordered = index().desc("b").asc("a").asc("c").build();

    assertThat(IndexRules.need(EQ_A_B_ORDER_C).servedBy(reordered)).isTrue();
    assertThat(IndexRules.select(EQ_A_B_ORDER_C, List.of(reordered)).indexes())
        .containsExactly(reordered);
  }

  @Test
  void anIndexSortedTheOtherWayDoesNotServe() {
    IndexDefinition wrongWay = index().asc("a").asc("b").desc("c").build();

    assertThat(IndexRules.need(EQ_A_B_ORDER_C).servedBy(wrongWay)).isFalse();
    assertThat(IndexRules.select(EQ_A_B_ORDER_C, List.of(wrongWay)).served()).isFalse();
  }

  @Test
  void eitherDirectionServesAnInequalityThatIsNotSorted() {
    IndexQuery query = IndexQuery.newBuilder("K").equality("a").inequality("b").build();

    assertThat(IndexRules.select(query, List.of(index().asc("a").desc("b").build())).served())
        .isTrue();
    assertThat(IndexRules.select(query, List.of(index().asc("a").asc("b").build())).served())
        .isTrue();
  }

  @Test
  void anIndexWithAPropertyThatIsNotAnEqualityDoesNotServe() {
    IndexDefinition extra = index().asc("a").asc("b").asc("x").asc("c").build();
    IndexDefinition other = IndexDefinition.newBuilder("Other").asc("a").asc("b").asc("c")
        .build();

    assertThat(IndexRules.select(EQ_A_B_ORDER_C, List.of(extra, other)).served()).isFalse();
  }

  @Test
  void setGroupsOfThePostfixMatchInAnyOrderAndDirection() {
    IndexQuery query = IndexQuery.newBuilder("K").equality("a").projection("c", "b").build();

    assertThat(IndexRules.select(query, List.of(index().asc("a").desc("c").asc("b").build()))
            .served())
        .isTrue();
  }

  @Test
  void anAncestorQueryIsServedAloneOnlyByAnAncestorIndex() {
    IndexQuery query =
        IndexQuery.newBuilder("K").ancestor(true).equality("a").order(SortOrder.asc("c")).build();
    IndexDefinition plain = index().asc("a").asc("c").build();
    IndexDefinition ancestor = index().ancestor(true).asc("a").asc("c").build();

    assertThat(IndexRules.select(query, List.of(plain)).served()).isFalse();
    assertThat(IndexRules.select(query, List.of(plain, ancestor)).indexes())
        .containsExactly(ancestor);
  }

  @Test
  void aQueryWithoutAncestorCannotUseAnAncestorIndex() {
    IndexDefinition ancestor = index().ancestor(true).asc("a").asc("b").asc("c").build();

    assertThat(IndexRules.select(EQ_A_B_ORDER_C, List.of(ancestor)).served()).isFalse();
  }

  @Test
  void partialIndexesServeTogetherByMergeJoin() {
    IndexDefinition onA = index().asc("a").asc("c").build();
    IndexDefinition onB = index().asc("b").asc("c").build();

    IndexSelection s = IndexRules.select(EQ_A_B_ORDER_C, List.of(onB, onA));

    assertThat(s.indexes()).containsExactly(onA, onB);
    assertThat(s.mergeJoin()).isTrue();
    assertThat(s).hasToString("merge join of [K (a asc, c asc), K (b asc, c asc)]");
  }

  @Test
  void onlyIndexesWithTheSamePostfixMergeJoin() {
    IndexQuery query = IndexQuery.newBuilder("K").equality("a").equality("b").inequality("c")
        .build();
    IndexDefinition onAUp = index().asc("a").asc("c").build();
    IndexDefinition onBDown = index().asc("b").desc("c").build();

    assertThat(IndexRules.select(query, List.of(onAUp, onBDown)).served()).isFalse();
  }

  @Test
  void anAncestorIndexCanJoinIndexesWithoutAncestorToServeAnAncestorQuery() {
    IndexQuery query =
        IndexQuery.newBuilder("K").ancestor(true).equality("a").equality("b")
            .order(SortOrder.asc("c")).build();
    IndexDefinition ancestorOnA = index().ancestor(true).asc("a").asc("c").build();
    IndexDefinition plainOnB = index().asc("b").asc("c").build();

    assertThat(IndexRules.select(query, List.of(plainOnB, ancestorOnA)).indexes())
        .containsExactlyInAnyOrder(ancestorOnA, plainOnB);
  }

  @Test
  void theFewestIndexesArePreferred() {
    IndexQuery query =
        IndexQuery.newBuilder("K").equality("a").equality("b").equality("c")
            .order(SortOrder.asc("d")).build();
    IndexDefinition onA = index().asc("a").asc("d").build();
    IndexDefinition onB = index().asc("b").asc("d").build();
    IndexDefinition onC = index().asc("c").asc("d").build();
    IndexDefinition onAB = index().asc("a").asc("b").asc("d").build();
    IndexDefinition onABC = index().asc("c").asc("b").asc("a").asc("d").build();

    assertThat(IndexRules.select(query, List.of(onA, onB, onC)).indexes())
        .containsExactly(onA, onB, onC);
    assertThat(IndexRules.select(query, List.of(onA, onB, onC, onAB)).indexes())
        .containsExactly(onAB, onC);
    assertThat(IndexRules.select(query, List.of(onA, onB, onC, onAB, onABC)).indexes())
        .containsExactly(onABC);
  }

  @Test
  void whenNothingServesTheMinimalIndexIsTheOneToAdd() {
    IndexSelection s = IndexRules.select(EQ_A_B_ORDER_C, List.of());

    assertThat(s.served()).isFalse();
    assertThat(s.indexes()).isEmpty();
    assertThat(s.indexToAdd()).contains(index().asc("a").asc("b").asc("c").build());
  }

  @Test
  void theIndexToAddCompletesAPartialMatch() {
    IndexSelection s =
        IndexRules.select(EQ_A_B_ORDER_C, List.of(index().asc("a").asc("c").build()));

    assertThat(s.indexToAdd()).contains(index().asc("b").asc("c").build());
  }

  @Test
  void theIndexToAddCostsOnePerMissingPropertyAndTwoForAMissingAncestor() {
    IndexQuery query =
        IndexQuery.newBuilder("K").ancestor(true).equality("a").equality("b").inequality("c")
            .build();
    // Covers both equalities but not the ancestor: two to complete.
    IndexDefinition plainOnAB = index().asc("a").asc("b").asc("c").build();
    // Covers the ancestor and a, sorted the other way: one (b) to complete.
    IndexDefinition ancestorOnA = index().ancestor(true).asc("a").desc("c").build();

    IndexSelection s = IndexRules.select(query, List.of(plainOnAB, ancestorOnA));

    assertThat(s.served()).isFalse();
    assertThat(s.indexToAdd()).contains(index().asc("b").desc("c").build());
    assertThat(IndexRules.select(query, List.of(plainOnAB)).indexToAdd())
        .contains(index().ancestor(true).asc("c").build());
  }
}
