package dev.megalite.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {
  /** SHA-256("Employee|A|lastName+|hireDate-"), first 8 bytes, computed independently. */
  private static final long ID_OF_EMPLOYEE_INDEX = -6456727605049545352L;

  @Test
  void rendersYamlExactlyAsAppEngineWritesIt() {
    IndexDefinition index =
        IndexDefinition.newBuilder("Employee").ancestor(true).asc("lastName").desc("hireDate")
            .build();

    assertThat(index.toYaml())
        .isEqualTo(
            "- kind: Employee\n"
                + "  ancestor: yes\n"
                + "  properties:\n"
                + "  - name: lastName\n"
                + "  - name: hireDate\n"
                + "    direction: desc\n");
  }

  @Test
  void writesNoAncestorLineForAnOrdinaryIndexAndNoDirectionForAscending() {
    IndexDefinition index = IndexDefinition.newBuilder("K").asc("a").asc("b").build();

    assertThat(index.toYaml())
        .isEqualTo("- kind: K\n  properties:\n  - name: a\n  - name: b\n");
  }

  @Test
  void writesNoPropertiesLineForAnIndexWithoutProperties() {
    IndexDefinition index = IndexDefinition.of("K", true, List.of());

    assertThat(index.toYaml()).isEqualTo("- kind: K\n  ancestor: yes\n");
  }

  @Test
  void quotesNamesThatYamlWouldReadAsSomethingElse() {
    IndexDefinition index =
        IndexDefinition.newBuilder("yes").asc("a: b").asc("12").asc("say \"hi\"").asc("x.y_z-1")
            .build();

    assertThat(index.toYaml())
        .isEqualTo(
            "- kind: \"yes\"\n"
                + "  properties:\n"
                + "  - name: \"a: b\"\n"
                + "  - name: \"12\"\n"
                + "  - name: \"say \\\"hi\\\"\"\n"
                + "  - name: x.y_z-1\n");
  }

  @Test
  void theIdIsAStableDigestOfTheCanonicalForm() {
    IndexDefinition index =
        IndexDefinition.newBuilder("Employee").ancestor(true).asc("lastName").desc("hireDate")
            .build();

    assertThat(index.canonical()).isEqualTo("Employee|A|lastName+|hireDate-");
    // Pinned: ids name stored index rows, so they must never change between releases.
    assertThat(index.id()).isEqualTo(ID_OF_EMPLOYEE_INDEX);
    assertThat(IndexDefinition.newBuilder("Employee").ancestor(true).asc("lastName")
            .desc("hireDate").build().id())
        .isEqualTo(index.id());
  }

  @Test
  void theCanonicalFormEscapesSeparatorsSoDifferentIndexesNeverShareIt() {
    IndexDefinition pipeInName = IndexDefinition.newBuilder("K").asc("a|-|b").build();
    IndexDefinition twoProperties = IndexDefinition.newBuilder("K").desc("a").asc("b").build();

    assertThat(pipeInName.canonical()).isEqualTo("K|-|a\\|-\\|b+");
    assertThat(pipeInName.canonical()).isNotEqualTo(twoProperties.canonical());
    assertThat(pipeInName).isNotEqualTo(twoProperties);
  }

  @Test
  void definitionsAreEqualWhenKindAncestorAndOrderedPropertiesAre() {
    IndexDefinition a = IndexDefinition.newBuilder("K").asc("a").desc("b").build();

    assertThat(a).isEqualTo(IndexDefinition.of("K", false, List.of(
        IndexProperty.asc("a"), IndexProperty.desc("b"))));
    assertThat(a).hasSameHashCodeAs(IndexDefinition.newBuilder("K").asc("a").desc("b").build());
    assertThat(a).isNotEqualTo(IndexDefinition.newBuilder("K").desc("b").asc("a").build());
    assertThat(a).isNotEqualTo(IndexDefinition.newBuilder("K").asc("a").asc("b").build());
    assertThat(a).isNotEqualTo(a.toBuilder().ancestor(true).build());
  }

  @Test
  void sortsByKindThenNonAncestorFirstThenPropertiesWithAscendingFirstAndPrefixesFirst() {
    IndexDefinition b = IndexDefinition.newBuilder("B").asc("a").build();
    IndexDefinition aAncestor = IndexDefinition.newBuilder("A").ancestor(true).asc("a").build();
    IndexDefinition aX = IndexDefinition.newBuilder("A").asc("x").build();
    IndexDefinition aA = IndexDefinition.newBuilder("A").asc("a").build();
    IndexDefinition aADesc = IndexDefinition.newBuilder("A").desc("a").build();
    IndexDefinition aAB = IndexDefinition.newBuilder("A").asc("a").asc("b").build();
    List<IndexDefinition> all = new ArrayList<>(List.of(b, aAncestor, aX, aADesc, aAB, aA));
    Collections.shuffle(all, new Random(7));

    Collections.sort(all);

    assertThat(all).containsExactly(aA, aAB, aADesc, aX, aAncestor, b);
  }

  @Test
  void namesThePropertyThatAppearsTwice() {
    assertThatThrownBy(() -> IndexDefinition.newBuilder("K").asc("a").desc("a").build())
        .isInstanceOf(BadRequestException.class)
        .hasMessage("index on kind 'K' names property 'a' twice");
  }

  @Test
  void rejectsReservedKindsAndPropertiesButAllowsTheKeyProperty() {
    assertThatThrownBy(() -> IndexDefinition.newBuilder("__Stat__").asc("a").build())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("kind '__Stat__' is reserved");
    assertThatThrownBy(() -> IndexDefinition.newBuilder("K").asc("__scatter__").build())
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("'__scatter__' is reserved");
    assertThat(IndexDefinition.newBuilder("K").asc("a").desc("__key__").build().properties())
        .containsExactly(IndexProperty.asc("a"), IndexProperty.desc("__key__"));
  }

  @Test
  void showsKindAncestorAndPropertiesInPlans() {
    assertThat(IndexDefinition.newBuilder("K").ancestor(true).asc("a").desc("b").build())
        .hasToString("K ancestor (a asc, b desc)");
  }
}
