package dev.megalite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncompleteKeyTest {

  private static final String PROJECT = "s~myapp";

  @Test
  void rootIncompleteKeyHasNoParentAndIsNotComplete() {
    IncompleteKey key = IncompleteKey.of(PROJECT, "ns", "Person");

    assertThat(key.project()).isEqualTo(PROJECT);
    assertThat(key.namespace()).isEqualTo("ns");
    assertThat(key.kind()).isEqualTo("Person");
    assertThat(key.parent()).isNull();
    assertThat(key.isComplete()).isFalse();
  }

  @Test
  void twoArgumentFactoryUsesTheDefaultNamespace() {
    assertThat(IncompleteKey.of(PROJECT, "Person").namespace()).isEmpty();
  }

  @Test
  void withIdOnARootGivesTheCompleteRootKey() {
    Key key = IncompleteKey.of(PROJECT, "ns", "Person").withId(17);

    assertThat(key).isEqualTo(Key.of(PROJECT, "ns", "Person", 17));
    assertThat(key.parent()).isNull();
  }

  @Test
  void withNameOnARootGivesTheCompleteRootKey() {
    Key key = IncompleteKey.of(PROJECT, "ns", "Person").withName("alice");

    assertThat(key).isEqualTo(Key.of(PROJECT, "ns", "Person", "alice"));
  }

  @Test
  void withIdAndWithNameKeepTheParent() {
    Key parent = Key.of(PROJECT, "ns", "Person", 1).child("Pet", "rex");
    IncompleteKey incomplete = IncompleteKey.of(parent, "Toy");

    Key byId = incomplete.withId(5);
    Key byName = incomplete.withName("ball");

    assertThat(byId.parent()).isEqualTo(parent);
    assertThat(byName.parent()).isEqualTo(parent);
    assertThat(byId).isEqualTo(parent.child("Toy", 5));
    assertThat(byName).isEqualTo(parent.child("Toy", "ball"));
    assertThat(byId.namespace()).isEqualTo("ns");
  }

  @Test
  void withIdRejectsNonPositiveIdsAndWithNameRejectsBadNames() {
    IncompleteKey key = IncompleteKey.of(PROJECT, "Person");

    assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> key.withId(0));
    assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> key.withId(-1));
    assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> key.withName(""));
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> key.withName("__x__"));
  }

  @Test
  void pathOfARootIsOneIncompleteElement() {
    List<PathElement> path = IncompleteKey.of(PROJECT, "Person").path();

    assertThat(path).hasSize(1);
    assertThat(path.get(0).kind()).isEqualTo("Person");
    assertThat(path.get(0).isComplete()).isFalse();
    assertThat(path.get(0).hasId()).isFalse();
    assertThat(path.get(0).hasName()).isFalse();
  }

  @Test
  void pathIsTheParentPathFollowedByAnIncompleteElement() {
    Key parent = Key.of(PROJECT, "Person", 1).child("Pet", "rex");

    List<PathElement> path = parent.newChild("Toy").path();

    assertThat(path).hasSize(3);
    assertThat(path.subList(0, 2)).isEqualTo(parent.path());
    PathElement last = path.get(2);
    assertThat(last.kind()).isEqualTo("Toy");
    assertThat(last.isComplete()).isFalse();
  }

  @Test
  void incompleteKeysWithEqualPartsAreEqual() {
    Key parent = Key.of(PROJECT, "Person", 1);

    assertThat(IncompleteKey.of(parent, "Pet"))
        .isEqualTo(parent.newChild("Pet"))
        .hasSameHashCodeAs(parent.newChild("Pet"))
        .isNotEqualTo(IncompleteKey.of(PROJECT, "Pet"))
        .isNotEqualTo(Key.of(PROJECT, "Person", 2).newChild("Pet"))
        .isNotEqualTo(parent.newChild("Toy"));
    assertThat(IncompleteKey.of(PROJECT, "a", "Pet")).isNotEqualTo(IncompleteKey.of(PROJECT, "Pet"));
  }

  @Test
  void invalidKindProjectOrNamespaceIsRejected() {
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> IncompleteKey.of(PROJECT, ""))
        .withMessageContaining("kind is empty");
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> IncompleteKey.of(PROJECT, "__Stat__"))
        .withMessageContaining("reserved");
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> IncompleteKey.of("bad project", "Person"))
        .withMessageContaining("project id");
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> IncompleteKey.of(PROJECT, "bad ns", "Person"))
        .withMessageContaining("namespace");
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> Key.of(PROJECT, "Person", 1).newChild(null))
        .withMessageContaining("kind is null");
  }

  @Test
  void childOfAKeyAtMaximumDepthIsRejected() {
    List<PathElement> path = new ArrayList<>();
    for (int i = 1; i <= Key.MAX_PATH_DEPTH; i++) {
      path.add(PathElement.of("Level", i));
    }
    Key deepest = Key.of(PROJECT, "", path);

    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> deepest.newChild("Leaf"))
        .withMessageContaining("101 elements")
        .withMessageContaining("limit is 100");
  }
  @Test
  void nullParentIsABadRequest() {
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> IncompleteKey.of((Key) null, "Pet"));
  }
}
