package dev.megalite.api.model.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.model.Id;
import dev.megalite.api.model.Index;
import dev.megalite.api.model.LoadException;
import dev.megalite.api.model.MappingException;
import dev.megalite.api.model.Property;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Text;
import dev.megalite.api.model.Unindex;
import dev.megalite.api.model.Unmapped;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiled mapping on its own: no datastore involved. */
class ClassMappingTest {
  private static final String PROJECT = "p";

  @dev.megalite.api.model.Entity
  static class Plain {
    @Id Long id;
    String b;
    long a;
    @Unindex String c;
  }

  @dev.megalite.api.model.Entity
  record Point(@Id String name, int x, int y) {}

  @dev.megalite.api.model.Entity
  static class FinalField {
    @Id Long id;
    final String x = "";
  }

  @dev.megalite.api.model.Entity
  static class TwoIds {
    @Id Long id;
    @Id Long other;
  }

  @dev.megalite.api.model.Entity
  static class DoubleId {
    @Id double id;
  }

  @dev.megalite.api.model.Entity
  static class NoId {
    String x;
  }

  @dev.megalite.api.model.Entity
  static class MapField {
    @Id Long id;
    Map<String, String> map;
  }

  @dev.megalite.api.model.Entity
  @SuppressWarnings("rawtypes")
  static class RawList {
    @Id Long id;
    List list;
  }

  @dev.megalite.api.model.Entity
  static class NestedList {
    @Id Long id;
    List<List<String>> lists;
  }

  @dev.megalite.api.model.Entity
  static class WildRef {
    @Id Long id;
    Ref<?> any;
  }

  @dev.megalite.api.model.Entity
  static class IndexedText {
    @Id Long id;
    @Index Text text;
  }

  @dev.megalite.api.model.Entity
  static class SameName {
    @Id Long id;
    @Property(name = "x") String a;
    String x;
  }

  @dev.megalite.api.model.Entity
  static class Reserved {
    @Id Long id;
    @Property(name = "__x__") String a;
  }

  @dev.megalite.api.model.Entity
  static class BadUnmapped {
    @Id Long id;
    @Unmapped Map<String, String> rest;
  }

  @dev.megalite.api.model.Entity
  static class NoConstructor {
    @Id Long id;

    NoConstructor(long id) {
      this.id = id;
    }
  }

  @dev.megalite.api.model.Entity
  class Inner {
    @Id Long id;
  }

  @Test
  void aClassIsCompiledOnceAndCached() {
    assertThat(ClassMapping.of(Plain.class)).isSameAs(ClassMapping.of(Plain.class));
  }

  @Test
  void propertiesFollowDeclarationOrderWithTheirIndexFlags() {
    Plain p = new Plain();
    p.b = "x";
    p.c = "y";

    Entity e = ClassMapping.of(Plain.class).toEntity(p, PROJECT);

    assertThat(e.key()).isEqualTo(IncompleteKey.of(PROJECT, "Plain"));
    assertThat(e.properties().keySet()).containsExactly("b", "a", "c");
    assertThat(e.get("b").indexed()).isTrue();
    assertThat(e.get("c")).isEqualTo(Value.of("y").unindexed());
    assertThat(e.get("a")).isEqualTo(Value.of(0L));
  }

  @Test
  void aRecordLoadsThroughItsCanonicalConstructorWithZerosForMissingPrimitives() {
    Entity e = Entity.newBuilder(Key.of(PROJECT, "Point", "p1")).set("x", 3).build();

    Point p = ClassMapping.of(Point.class).fromEntity(e);

    assertThat(p).isEqualTo(new Point("p1", 3, 0));
  }

  @Test
  void anEntityOfAnotherKindDoesNotLoad() {
    Entity e = Entity.newBuilder(Key.of(PROJECT, "Line", "l")).build();

    assertThatThrownBy(() -> ClassMapping.of(Point.class).fromEntity(e))
        .isInstanceOf(LoadException.class)
        .hasMessage("cannot load entity Key(Line:'l'): it is of kind 'Line', not 'Point' (the kind"
            + " of Point)");
  }

  @Test
  void classesThatCannotBeMappedFailNamingClassAndField() {
    assertMappingError(FinalField.class, "FinalField.x is final");
    assertMappingError(TwoIds.class, "TwoIds has two @Id fields: id and other");
    assertMappingError(DoubleId.class, "DoubleId.id is an @Id of type double; use Long, long or"
        + " String");
    assertMappingError(NoId.class, "NoId is an @Entity without an @Id field");
    assertMappingError(MapField.class, "MapField.map is a Map");
    assertMappingError(RawList.class, "RawList.list is a raw List");
    assertMappingError(NestedList.class, "collections do not nest");
    assertMappingError(WildRef.class, "a Ref needs a class as its type argument");
    assertMappingError(IndexedText.class, "IndexedText.text is Text, which is never indexed");
    assertMappingError(SameName.class, "SameName.a and SameName.x are both stored as 'x'");
    assertMappingError(Reserved.class, "reserved");
    assertMappingError(BadUnmapped.class, "@Unmapped needs one Map<String, Value> field");
    assertMappingError(NoConstructor.class, "NoConstructor needs a constructor without arguments");
    assertMappingError(Inner.class, "is an inner class; make it static");
  }

  private static void assertMappingError(Class<?> type, String message) {
    assertThatThrownBy(() -> ClassMapping.of(type))
        .as(type.getSimpleName())
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(message);
  }

  @Test
  void onlyALookupWithPrivateAccessCanBeGranted() {
    assertThatThrownBy(() -> Access.grant(java.lang.invoke.MethodHandles.publicLookup()))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("has no private access");
  }

  @Test
  void queryValuesAreConvertedAsTheFieldStoresThem() {
    ClassMapping<Plain> m = ClassMapping.of(Plain.class);

    assertThat(m.queryValue("a", 5)).isEqualTo(Value.of(5L));
    assertThat(m.queryValue("unknown", java.time.LocalDate.of(1970, 1, 2)))
        .isEqualTo(Value.of(java.time.Instant.parse("1970-01-02T00:00:00Z")));
    assertThat(m.storedName("b")).isEqualTo("b");
    assertThat(m.storedName("x.y")).isEqualTo("x.y");
  }
}
