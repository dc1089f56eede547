package dev.megalite.index.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.query.SortOrder;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.rules.IndexNeed.Ordered;
import dev.megalite.index.rules.IndexNeed.Rule;
import org.junit.jupiter.api.Test;

/** One test per rule of App Engine's {@code datastore_index.py}, named after the rule. */
class IndexRulesTest {

  private static IndexQuery.Builder kind() {
    return IndexQuery.newBuilder("K");
  }

  private static IndexNeed need(IndexQuery.Builder query) {
    return IndexRules.need(query.build());
  }

  private static IndexDefinition minimal(IndexQuery.Builder query) {
    return need(query).minimalIndex().orElseThrow();
  }

  // Normalisation

  @Test
  void aPropertyWithEqualityAndInequalityFiltersCountsAsInequality() {
    IndexNeed need = need(kind().equality("a").equality("b").inequality("b"));

    assertThat(need.prefix()).containsExactly("a");
    assertThat(need.ordered()).containsExactly(new Ordered("b", null));
    assertThat(need.minimalIndex()).contains(IndexDefinition.newBuilder("K").asc("a").asc("b")
        .build());
  }

  @Test
  void sortsOnEqualityFilteredPropertiesAreDropped() {
    assertThat(need(kind().equality("a").order(SortOrder.desc("a"))).rule())
        .isEqualTo(Rule.EQUALITY_MERGE_JOIN);
    assertThat(need(kind().equality("a").order(SortOrder.desc("a")).order(SortOrder.asc("b")))
            .ordered())
        .containsExactly(new Ordered("b", Direction.ASC));
  }

  @Test
  void repeatedSortsAreDropped() {
    IndexNeed need =
        need(kind().order(SortOrder.asc("a")).order(SortOrder.asc("b"))
            .order(SortOrder.desc("a")));

    assertThat(need.ordered())
        .containsExactly(new Ordered("a", Direction.ASC), new Ordered("b", Direction.ASC));
  }

  @Test
  void anEqualityOnTheKeyDropsAllSorts() {
    IndexQuery.Builder sorted = kind().order(SortOrder.asc("b")).order(SortOrder.desc("c"));

    assertThat(need(sorted).rule()).isEqualTo(Rule.SEVERAL_PROPERTIES);
    assertThat(need(sorted.equality("__key__")).rule()).isEqualTo(Rule.KIND_ONLY);
  }

  @Test
  void sortsAfterASortOnTheKeyAreDropped() {
    IndexNeed need =
        need(kind().order(SortOrder.asc("a")).order(SortOrder.desc("__key__"))
            .order(SortOrder.asc("b")));

    assertThat(need.ordered())
        .containsExactly(new Ordered("a", Direction.ASC), new Ordered("__key__", Direction.DESC));
    assertThat(need.minimalIndex())
        .contains(IndexDefinition.newBuilder("K").asc("a").desc("__key__").build());
  }

  @Test
  void aTrailingAscendingSortOnTheKeyIsDropped() {
    IndexNeed need = need(kind().order(SortOrder.desc("a")).order(SortOrder.asc("__key__")));

    assertThat(need.ordered()).containsExactly(new Ordered("a", Direction.DESC));
    assertThat(need.rule()).isEqualTo(Rule.SINGLE_PROPERTY);
  }

  @Test
  void keyFiltersAreIgnoredWithoutAnotherInequalityOrADescendingKeySort() {
    assertThat(need(kind().equality("a").keyRange(true)).rule())
        .isEqualTo(Rule.EQUALITY_MERGE_JOIN);
    assertThat(need(kind().ancestor(true).keyRange(true)).rule()).isEqualTo(Rule.ANCESTOR_ONLY);
    assertThat(need(kind().equality("__key__").equality("a")).prefix()).containsExactly("a");
  }

  @Test
  void keyFiltersCountWhenAnotherPropertyHasAnInequality() {
    IndexNeed need = need(kind().equality("__key__").inequality("a"));

    assertThat(need.prefix()).containsExactly("__key__");
    assertThat(need.rule()).isEqualTo(Rule.EQUALITY_WITH_OTHER_PROPERTY);
    assertThat(need.minimalIndex())
        .contains(IndexDefinition.newBuilder("K").asc("__key__").asc("a").build());
  }

  @Test
  void keyFiltersCountWhenTheKeyIsSortedDescending() {
    IndexNeed need = need(kind().keyRange(true).order(SortOrder.desc("__key__")));

    assertThat(need.ordered()).containsExactly(new Ordered("__key__", Direction.DESC));
    assertThat(need.rule()).isEqualTo(Rule.KEY_DESCENDING);
  }

  @Test
  void projectedAndDistinctPropertiesBecomeExistsComponents() {
    IndexNeed need = need(kind().projection("c", "a", "b").distinctOn("b"));

    assertThat(need.groupBy()).containsExactly("b");
    assertThat(need.unordered()).containsExactly("a", "c");
    assertThat(need.rule()).isEqualTo(Rule.SEVERAL_PROPERTIES);
  }

  @Test
  void projectedPropertiesAlreadyFilteredOrSortedAddNoComponent() {
    IndexNeed need = need(kind().inequality("a").projection("a", "b"));

    assertThat(need.ordered()).containsExactly(new Ordered("a", null));
    assertThat(need.unordered()).containsExactly("b");
  }

  @Test
  void projectingTheKeyAddsNoComponentBecauseEveryIndexRowHoldsIt() {
    assertThat(need(kind().projection("__key__", "a")).rule()).isEqualTo(Rule.SINGLE_PROPERTY);
  }

  @Test
  void aProjectionKeepsKeySortsAndKeyFiltersAsAppEngineDoes() {
    IndexNeed need = need(kind().projection("a").order(SortOrder.asc("__key__")));

    assertThat(need.ordered()).containsExactly(new Ordered("__key__", Direction.ASC));
    assertThat(need.minimalIndex())
        .contains(IndexDefinition.newBuilder("K").asc("__key__").asc("a").build());
    assertThat(need(kind().projection("a").keyRange(true)).minimalIndex())
        .contains(IndexDefinition.newBuilder("K").asc("__key__").asc("a").build());
  }

  // Built-in cases

  @Test
  void kindlessQueriesNeedNoCompositeIndex() {
    IndexNeed need =
        need(IndexQuery.newBuilder(null).ancestor(true).keyRange(true)
            .order(SortOrder.asc("__key__")));

    assertThat(need.rule()).isEqualTo(Rule.KINDLESS);
    assertThat(need.required()).isFalse();
    assertThat(need.minimalIndex()).isEmpty();
  }

  @Test
  void aQueryOnKindAloneNeedsNoCompositeIndex() {
    assertThat(need(kind()).rule()).isEqualTo(Rule.KIND_ONLY);
    assertThat(need(kind().order(SortOrder.asc("__key__"))).rule()).isEqualTo(Rule.KIND_ONLY);
  }

  @Test
  void anAncestorQueryWithNothingElseNeedsNoCompositeIndex() {
    assertThat(need(kind().ancestor(true).order(SortOrder.asc("__key__"))).rule())
        .isEqualTo(Rule.ANCESTOR_ONLY);
  }

  @Test
  void equalityFiltersAloneAreServedByMergeJoin() {
    IndexNeed need = need(kind().equality("c").equality("a").equality("b"));

    assertThat(need.rule()).isEqualTo(Rule.EQUALITY_MERGE_JOIN);
    assertThat(need.required()).isFalse();
  }

  @Test
  void equalityFiltersWithAnAncestorAreServedByMergeJoin() {
    assertThat(need(kind().ancestor(true).equality("a").equality("b")).rule())
        .isEqualTo(Rule.EQUALITY_MERGE_JOIN);
  }

  @Test
  void oneFilterWithoutAncestorNeedsNoCompositeIndex() {
    assertThat(need(kind().inequality("a")).rule()).isEqualTo(Rule.SINGLE_PROPERTY);
  }

  @Test
  void oneSortInEitherDirectionWithoutAncestorNeedsNoCompositeIndex() {
    assertThat(need(kind().order(SortOrder.asc("a"))).rule()).isEqualTo(Rule.SINGLE_PROPERTY);
    assertThat(need(kind().order(SortOrder.desc("a"))).rule()).isEqualTo(Rule.SINGLE_PROPERTY);
  }

  @Test
  void aFilterAndASortOnTheSamePropertyCountOnce() {
    assertThat(need(kind().inequality("a").order(SortOrder.desc("a"))).rule())
        .isEqualTo(Rule.SINGLE_PROPERTY);
  }

  @Test
  void projectingOnePropertyNeedsNoCompositeIndex() {
    assertThat(need(kind().projection("a")).rule()).isEqualTo(Rule.SINGLE_PROPERTY);
  }

  // Composite cases

  @Test
  void aLoneDescendingSortOnTheKeyNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().order(SortOrder.desc("__key__"));

    assertThat(need(query).rule()).isEqualTo(Rule.KEY_DESCENDING);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").desc("__key__").build());
  }

  @Test
  void anAncestorQueryWithAnInequalityNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().ancestor(true).inequality("a");

    assertThat(need(query).rule()).isEqualTo(Rule.ANCESTOR_WITH_INEQUALITY_OR_SORT);
    assertThat(minimal(query))
        .isEqualTo(IndexDefinition.newBuilder("K").ancestor(true).asc("a").build());
  }

  @Test
  void anAncestorQueryWithASortNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().ancestor(true).order(SortOrder.desc("a"));

    assertThat(need(query).rule()).isEqualTo(Rule.ANCESTOR_WITH_INEQUALITY_OR_SORT);
    assertThat(minimal(query))
        .isEqualTo(IndexDefinition.newBuilder("K").ancestor(true).desc("a").build());
  }

  @Test
  void equalityPlusASortOnAnotherPropertyNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().equality("a").order(SortOrder.desc("b"));

    assertThat(need(query).rule()).isEqualTo(Rule.EQUALITY_WITH_OTHER_PROPERTY);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").asc("a").desc("b")
        .build());
  }

  @Test
  void equalityPlusAnInequalityOnAnotherPropertyNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().equality("a").inequality("b");

    assertThat(need(query).rule()).isEqualTo(Rule.EQUALITY_WITH_OTHER_PROPERTY);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").asc("a").asc("b")
        .build());
  }

  @Test
  void twoOrMoreSortsNeedACompositeIndex() {
    IndexQuery.Builder query = kind().order(SortOrder.asc("b")).order(SortOrder.desc("a"));

    assertThat(need(query).rule()).isEqualTo(Rule.SEVERAL_PROPERTIES);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").asc("b").desc("a")
        .build());
  }

  @Test
  void projectingTwoOrMorePropertiesNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().projection("b", "a");

    assertThat(need(query).rule()).isEqualTo(Rule.SEVERAL_PROPERTIES);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").asc("a").asc("b")
        .build());
  }

  @Test
  void distinctWithOtherComponentsNeedsACompositeIndex() {
    IndexQuery.Builder query = kind().inequality("b").projection("a").distinctOn("a");

    assertThat(need(kind().projection("a").distinctOn("a")).required()).isFalse();
    assertThat(need(query).rule()).isEqualTo(Rule.SEVERAL_PROPERTIES);
    assertThat(minimal(query)).isEqualTo(IndexDefinition.newBuilder("K").asc("b").asc("a")
        .build());
  }

  // The minimal index

  @Test
  void theMinimalIndexListsEqualitiesByNameThenSortsThenGroupByThenOtherProjectionsSorted() {
    IndexQuery.Builder query =
        kind()
            .ancestor(true)
            .equality("zeta")
            .equality("alpha")
            .inequality("m")
            .order(SortOrder.desc("m"))
            .order(SortOrder.asc("k"))
            .projection("y", "x", "g")
            .distinctOn("g");

    assertThat(minimal(query))
        .isEqualTo(
            IndexDefinition.newBuilder("K")
                .ancestor(true)
                .asc("alpha")
                .asc("zeta")
                .desc("m")
                .asc("k")
                .asc("g")
                .asc("x")
                .asc("y")
                .build());
  }

  @Test
  void theInequalityPropertyFollowsAscendingWhenItIsNotSorted() {
    assertThat(minimal(kind().equality("b").equality("a").inequality("c").projection("d")))
        .isEqualTo(IndexDefinition.newBuilder("K").asc("a").asc("b").asc("c").asc("d").build());
  }
}
