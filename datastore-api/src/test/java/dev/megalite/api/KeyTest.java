package dev.megalite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyTest {

  static final String PROJECT = "s~myapp";

  @Nested
  class Construction {

    @Test
    void rootKeyWithIdExposesItsParts() {
      Key key = Key.of(PROJECT, "Person", 42);

      assertThat(key.project()).isEqualTo(PROJECT);
      assertThat(key.namespace()).isEmpty();
      assertThat(key.kind()).isEqualTo("Person");
      assertThat(key.hasId()).isTrue();
      assertThat(key.hasName()).isFalse();
      assertThat(key.id()).isEqualTo(42);
      assertThat(key.name()).isNull();
      assertThat(key.path()).containsExactly(PathElement.of("Person", 42));
      assertThat(key.isComplete()).isTrue();
    }

    @Test
    void rootKeyWithNameHasIdZeroAndTheName() {
      Key key = Key.of(PROJECT, "ns1", "Person", "alice");

      assertThat(key.namespace()).isEqualTo("ns1");
      assertThat(key.hasName()).isTrue();
      assertThat(key.hasId()).isFalse();
      assertThat(key.name()).isEqualTo("alice");
      assertThat(key.id()).isZero();
    }

    @Test
    void childKeepsProjectAndNamespaceAndAppendsOneElement() {
      Key parent = Key.of(PROJECT, "ns", "Person", "alice");

      Key child = parent.child("Address", 7).child("Line", "first");

      assertThat(child.project()).isEqualTo(PROJECT);
      assertThat(child.namespace()).isEqualTo("ns");
      assertThat(child.kind()).isEqualTo("Line");
      assertThat(child.path())
          .containsExactly(
              PathElement.of("Person", "alice"),
              PathElement.of("Address", 7),
              PathElement.of("Line", "first"));
      assertThat(parent.path()).hasSize(1);
    }

    @Test
    void parentOfARootIsNullAndParentOfAChildIsTheKeyItWasMadeFrom() {
      Key root = Key.of(PROJECT, "Person", 1);
      Key child = root.child("Pet", "rex");

      assertThat(root.parent()).isNull();
      assertThat(child.parent()).isEqualTo(root);
      assertThat(child.child("Toy", 3).parent()).isEqualTo(child);
    }

    @Test
    void rootIsTheFirstPathElementAndARootIsItsOwnRoot() {
      Key root = Key.of(PROJECT, "ns", "Person", 1);
      Key grandchild = root.child("Pet", "rex").child("Toy", 3);

      assertThat(grandchild.root()).isEqualTo(root);
      assertThat(root.root()).isSameAs(root);
    }

    @Test
    void pathIsUnmodifiable() {
      Key key = Key.of(PROJECT, "Person", 1).child("Pet", 2);

      Throwable thrown = catchThrowable(() -> key.path().add(PathElement.of("X", 1)));

      assertThat(thrown).isInstanceOf(UnsupportedOperationException.class);
      assertThat(key.path()).hasSize(2);
    }

    @Test
    void ofCopiesThePathSoLaterChangesToTheListDoNotLeakIn() {
      List<PathElement> path = new ArrayList<>(List.of(PathElement.of("A", 1)));
      Key key = Key.of(PROJECT, "", path);

      path.add(PathElement.of("B", 2));

      assertThat(key.path()).containsExactly(PathElement.of("A", 1));
    }

    @Test
    void keyOfExactlyOneHundredElementsIsAllowed() {
      Key key = Key.of(PROJECT, "", deepPath(Key.MAX_PATH_DEPTH));

      assertThat(key.path()).hasSize(100);
    }

    @Test
    void newChildIsAnIncompleteKeyUnderThisKey() {
      Key parent = Key.of(PROJECT, "ns", "Person", 1);

      IncompleteKey child = parent.newChild("Pet");

      assertThat(child.parent()).isEqualTo(parent);
      assertThat(child.kind()).isEqualTo("Pet");
      assertThat(child.namespace()).isEqualTo("ns");
    }
  }

  @Nested
  class Ancestry {

    private final Key root = Key.of(PROJECT, "ns", "Person", 1);
    private final Key child = root.child("Pet", "rex");
    private final Key grandchild = child.child("Toy", 3);

    @Test
    void aKeyIsAnAncestorOfItselfAndOfItsDescendants() {
      assertThat(root.isAncestorOf(root)).isTrue();
      assertThat(root.isAncestorOf(child)).isTrue();
      assertThat(root.isAncestorOf(grandchild)).isTrue();
      assertThat(child.isAncestorOf(grandchild)).isTrue();
    }

    @Test
    void aDescendantIsNotAnAncestorOfItsAncestors() {
      assertThat(grandchild.isAncestorOf(child)).isFalse();
      assertThat(child.isAncestorOf(root)).isFalse();
    }

    @Test
    void siblingsAndCousinsAreNotAncestors() {
      Key sibling = root.child("Pet", "fido");

      assertThat(sibling.isAncestorOf(grandchild)).isFalse();
      assertThat(Key.of(PROJECT, "ns", "Person", 2).isAncestorOf(child)).isFalse();
    }

    @Test
    void theSamePathInAnotherNamespaceOrProjectIsNotAnAncestor() {
      Key otherNamespace = Key.of(PROJECT, "other", "Person", 1);
      Key otherProject = Key.of("s~otherapp", "ns", "Person", 1);

      assertThat(otherNamespace.isAncestorOf(child)).isFalse();
      assertThat(otherProject.isAncestorOf(child)).isFalse();
    }
  }

  @Nested
  class Equality {

    @Test
    void keysBuiltFromEqualPartsAreEqualWithEqualHashCodes() {
      Key a = Key.of(PROJECT, "ns", "Person", 1).child("Pet", "rex");
      Key b =
          Key.of(
              PROJECT, "ns", List.of(PathElement.of("Person", 1), PathElement.of("Pet", "rex")));

      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void aParentDerivedKeyEqualsTheSameKeyBuiltDirectly() {
      Key viaParent = Key.of(PROJECT, "Person", 1).child("Pet", 2).parent();

      assertThat(viaParent).isEqualTo(Key.of(PROJECT, "Person", 1));
      assertThat(viaParent.hashCode()).isEqualTo(Key.of(PROJECT, "Person", 1).hashCode());
    }

    @Test
    void keysDifferingInOnePartAreNotEqual() {
      Key key = Key.of(PROJECT, "ns", "Person", 1);

      assertThat(key)
          .isNotEqualTo(Key.of("s~other", "ns", "Person", 1))
          .isNotEqualTo(Key.of(PROJECT, "ns2", "Person", 1))
          .isNotEqualTo(Key.of(PROJECT, "ns", "Human", 1))
          .isNotEqualTo(Key.of(PROJECT, "ns", "Person", 2))
          .isNotEqualTo(Key.of(PROJECT, "ns", "Person", "1"))
          .isNotEqualTo(key.child("Pet", 1));
    }
  }

  @Nested
  class Validation {

    @Test
    void emptyKindIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "", 1))
          .withMessageContaining("kind is empty");
    }

    @Test
    void nullKindIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, null, 1))
          .withMessageContaining("kind is null");
    }

    @Test
    void reservedKindIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "__foo__", 1))
          .withMessageContaining("kind '__foo__' is reserved");
    }

    @Test
    void kindsThatOnlyLookSimilarToReservedOnesAreAllowed() {
      assertThat(Key.of(PROJECT, "__foo", 1).kind()).isEqualTo("__foo");
      assertThat(Key.of(PROJECT, "foo__", 1).kind()).isEqualTo("foo__");
      assertThat(Key.of(PROJECT, "___", 1).kind()).isEqualTo("___");
    }

    @Test
    void reservedKeyNameIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "Person", "__bob__"))
          .withMessageContaining("key name '__bob__' is reserved");
    }

    @Test
    void emptyKeyNameIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "Person", ""))
          .withMessageContaining("key name is empty");
    }

    @Test
    void nullKeyNameIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PathElement.of("Person", (String) null))
          .withMessageContaining("key name of kind 'Person' is null");
    }

    @Test
    void kindOfFifteenHundredBytesIsAllowed() {
      String kind = "k".repeat(1500);

      assertThat(Key.of(PROJECT, kind, 1).kind()).isEqualTo(kind);
    }

    @Test
    void kindOfFifteenHundredAndOneUtf8BytesIsRejectedWithTheSizeAndTheLimit() {
      String kind = "\u00e9".repeat(750) + "k"; // 750 two-byte chars + 1 = 1,501 bytes

      assertThat(kind.getBytes(StandardCharsets.UTF_8)).hasSize(1501);
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, kind, 1))
          .withMessageContaining("kind")
          .withMessageContaining("1,501")
          .withMessageContaining("1,500");
    }

    @Test
    void threeByteCharactersAreCountedExactlyAtTheLimit() {
      String atLimit = "\u20ac".repeat(500); // 1,500 bytes
      String over = "\u20ac".repeat(501); // 1,503 bytes

      assertThat(Key.of(PROJECT, atLimit, 1).kind()).isEqualTo(atLimit);
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "Person", over))
          .withMessageContaining("1,503");
    }

    @Test
    void keyNameOverTheByteLimitIsRejected() {
      String name = "\ud83d\ude00".repeat(376); // 376 four-byte chars = 1,504 bytes

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "Person", name))
          .withMessageContaining("key name")
          .withMessageContaining("1,504")
          .withMessageContaining("1,500");
    }
    @Test
    void sizeInTheMessageIsFormattedTheSameWayInEveryLocale() {
      Locale saved = Locale.getDefault();
      try {
        Locale.setDefault(Locale.GERMANY);
        String kind = "k".repeat(1501);

        assertThatExceptionOfType(BadRequestException.class)
            .isThrownBy(() -> Key.of(PROJECT, kind, 1))
            .withMessageContaining("1,501")
            .withMessageContaining("1,500");
      } finally {
        Locale.setDefault(saved);
      }
    }

    @Test
    void idZeroIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PathElement.of("Person", 0))
          .withMessageContaining("key id 0")
          .withMessageContaining("not positive");
    }

    @Test
    void negativeIdIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> PathElement.of("Person", -5))
          .withMessageContaining("key id -5")
          .withMessageContaining("not positive");
    }

    @Test
    void elementWithBothIdAndNameIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> new PathElement("Person", 3, "bob"))
          .withMessageContaining("both id 3 and name 'bob'");
    }

    @Test
    void incompleteElementInsideACompleteKeyIsRejected() {
      List<PathElement> path = List.of(PathElement.of("A", 1), new PathElement("B", 0, null));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "", path))
          .withMessageContaining("incomplete");
    }

    @Test
    void emptyOrNullPathIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "", List.of()))
          .withMessageContaining("key path is empty");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "", (List<PathElement>) null))
          .withMessageContaining("key path is empty");
    }

    @Test
    void pathDeeperThanOneHundredIsRejectedWithTheDepthAndTheLimit() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "", deepPath(101)))
          .withMessageContaining("101 elements")
          .withMessageContaining("limit is 100");
    }

    @Test
    void childBeyondOneHundredElementsIsRejected() {
      Key deepest = Key.of(PROJECT, "", deepPath(100));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> deepest.child("Leaf", 1))
          .withMessageContaining("101 elements");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> deepest.child("Leaf", "x"))
          .withMessageContaining("101 elements");
    }

    @Test
    void badProjectIdsAreRejectedNamingTheProject() {
      for (String bad : List.of("", "my app", "app/1", "a+b", "x".repeat(101), "caf\u00e9")) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("project '%s'", bad)
            .isThrownBy(() -> Key.of(bad, "Person", 1))
            .withMessageContaining("project id '" + bad + "' is invalid");
      }
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(null, "Person", 1))
          .withMessageContaining("project id 'null' is invalid");
    }

    @Test
    void appEngineStyleProjectIdsAreAccepted() {
      for (String good : List.of("s~myapp", "e~my-app", "dev~app", "example.com:app", "p")) {
        assertThat(Key.of(good, "Person", 1).project()).isEqualTo(good);
      }
    }

    @Test
    void badNamespacesAreRejectedNamingTheNamespace() {
      for (String bad : List.of("a b", "ns/1", "ns~", "ns:1", "x".repeat(101), "\u00fc")) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("namespace '%s'", bad)
            .isThrownBy(() -> Key.of(PROJECT, bad, "Person", 1))
            .withMessageContaining("namespace '" + bad + "' is invalid");
      }
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, null, "Person", 1))
          .withMessageContaining("namespace 'null' is invalid");
    }

    @Test
    void validationErrorsCarryTheBadRequestCode() {
      BadRequestException e =
          (BadRequestException) catchThrowable(() -> Key.of(PROJECT, "", 1));

      assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(e.retryable()).isFalse();
    }
    @Test
    void keyNameWithAnUnpairedSurrogateIsRejectedBecauseItHasNoUtf8Form() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.of(PROJECT, "K", "a\ud800"));
    }
  }

  @Nested
  class Ordering {

    @Test
    void idsSortBeforeNamesInTheSameKind() {
      Key biggestId = Key.of(PROJECT, "K", Long.MAX_VALUE);
      Key smallestName = Key.of(PROJECT, "K", "\u0001");

      assertThat(biggestId).isLessThan(smallestName);
      assertThat(smallestName).isGreaterThan(biggestId);
    }

    @Test
    void idsSortNumericallyAndNamesByBytes() {
      assertThat(Key.of(PROJECT, "K", 9)).isLessThan(Key.of(PROJECT, "K", 10));
      assertThat(Key.of(PROJECT, "K", "10")).isLessThan(Key.of(PROJECT, "K", "9"));
    }

    @Test
    void kindsCompareByUtf8BytesSoUppercaseSortsBeforeLowercase() {
      assertThat(Key.of(PROJECT, "Z", 1)).isLessThan(Key.of(PROJECT, "a", 1));
    }

    @Test
    void kindDecidesBeforeIdOrName() {
      assertThat(Key.of(PROJECT, "A", "zzz")).isLessThan(Key.of(PROJECT, "B", 1));
    }

    @Test
    void supplementaryCharacterSortsAfterUffffAsItsUtf8BytesDo() {
      // In UTF-16 U+10000 is D800 DC00, which String.compareTo puts before U+FFFF;
      // in UTF-8 it is F0 90 80 80, after EF BF BF.
      String bmpMax = "\uffff";
      String supplementary = new String(Character.toChars(0x10000));

      assertThat(supplementary.compareTo(bmpMax)).isNegative();
      assertThat(Key.of(PROJECT, supplementary, 1)).isGreaterThan(Key.of(PROJECT, bmpMax, 1));
      assertThat(Key.of(PROJECT, "K", supplementary)).isGreaterThan(Key.of(PROJECT, "K", bmpMax));
    }

    @Test
    void aParentSortsBeforeItsChildrenAndChildrenBeforeTheNextSibling() {
      Key parent = Key.of(PROJECT, "A", 1);
      Key child = parent.child("Z", "zzz");
      Key nextSibling = Key.of(PROJECT, "A", 2);

      assertThat(parent).isLessThan(child);
      assertThat(child).isLessThan(nextSibling);
    }

    @Test
    void namespacesOrderKeysWithinAProject() {
      assertThat(Key.of(PROJECT, "", "Z", 9)).isLessThan(Key.of(PROJECT, "a", "A", 1));
      assertThat(Key.of(PROJECT, "B", "Z", 9)).isLessThan(Key.of(PROJECT, "a", "A", 1));
    }

    @Test
    void projectDecidesBeforeNamespace() {
      assertThat(Key.of("a", "zzz", "Z", 9)).isLessThan(Key.of("b", "", "A", 1));
    }

    @Test
    void sortingAShuffledListRestoresTheAppEngineOrder() {
      List<Key> expected =
          List.of(
              Key.of("a", "", "A", 1),
              Key.of("a", "", "A", 1).child("A", 1),
              Key.of("a", "", "A", 1).child("A", "x"),
              Key.of("a", "", "A", 1).child("B", 1),
              Key.of("a", "", "A", 2),
              Key.of("a", "", "A", "a"),
              Key.of("a", "", "A", "a").child("A", 1),
              Key.of("a", "", "A", "b"),
              Key.of("a", "", "B", 1),
              Key.of("a", "", "a", 1),
              Key.of("a", "ns", "A", 1),
              Key.of("b", "", "A", 1));
      List<Key> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, new Random(7));

      Collections.sort(shuffled);

      assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void compareToIsAntisymmetricAndZeroExactlyForEqualKeys() {
      Random random = new Random(42);
      List<Key> keys = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        keys.add(randomKey(random, 3, 3));
      }
      for (Key a : keys) {
        for (Key b : keys) {
          int ab = a.compareTo(b);
          assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(b.compareTo(a)));
          assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        }
      }
    }
  }

  // ---- helpers ----

  private static List<PathElement> deepPath(int depth) {
    List<PathElement> path = new ArrayList<>();
    for (int i = 1; i <= depth; i++) {
      path.add(PathElement.of("Level", i));
    }
    return path;
  }

  static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  static String urlSafeOfHex(String hex) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static final List<String> PROJECTS = List.of("s~myapp", "e~other-app", "dev~x", "p");
  private static final String NAMESPACE_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

  /** A random key with 1..maxDepth elements, a random namespace and mixed id and name elements. */
  static Key randomKey(Random random, int maxDepth, int maxNameLength) {
    String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
    String namespace = "";
    if (random.nextBoolean()) {
      StringBuilder ns = new StringBuilder();
      int length = 1 + random.nextInt(10);
      for (int i = 0; i < length; i++) {
        ns.append(NAMESPACE_CHARS.charAt(random.nextInt(NAMESPACE_CHARS.length())));
      }
      namespace = ns.toString();
    }
    return Key.of(project, namespace, randomPath(random, maxDepth, maxNameLength));
  }

  static Key randomKeyInDefaultNamespace(Random random) {
    return Key.of(PROJECTS.get(random.nextInt(PROJECTS.size())), "", randomPath(random, 5, 8));
  }

  private static List<PathElement> randomPath(Random random, int maxDepth, int maxNameLength) {
    int depth = 1 + random.nextInt(maxDepth);
    List<PathElement> path = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      String kind = randomName(random, maxNameLength);
      path.add(
          random.nextBoolean()
              ? PathElement.of(kind, randomId(random))
              : PathElement.of(kind, randomName(random, maxNameLength)));
    }
    return path;
  }

  private static long randomId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(100);
      case 1 -> Long.MAX_VALUE - random.nextInt(3);
      default -> random.nextLong(1, Long.MAX_VALUE);
    };
  }

  /** A non-reserved name of well-formed Unicode: ASCII, Latin, CJK and supplementary characters. */
  private static String randomName(Random random, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(maxLength);
    for (int i = 0; i < length; i++) {
      int codePoint =
          switch (random.nextInt(5)) {
            case 0, 1 -> 'a' + random.nextInt(26);
            case 2 -> 0xa0 + random.nextInt(0x700);
            case 3 -> 0x4e00 + random.nextInt(0x5000);
            default -> 0x10000 + random.nextInt(0x10ffff - 0x10000 + 1);
          };
      sb.appendCodePoint(codePoint);
    }
    return sb.toString();
  }
}
