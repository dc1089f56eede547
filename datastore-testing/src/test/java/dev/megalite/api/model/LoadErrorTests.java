package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored data that does not fit the model class: clear errors naming key and property. */
abstract class LoadErrorTests {

  enum Color {
    RED,
    GREEN
  }

  static class Address {
    String city;
    int zip;
  }

  @dev.megalite.api.model.Entity
  static class Person {
    @Id Long id;
    int age;
    Integer height;
    double score;
    String name;
    Color color;
    List<String> tags;
    Address address;
    Ref<Person> friend;
  }

  @dev.megalite.api.model.Entity
  static class Named {
    @Id String name;
  }

  private static Key store(Datastore ds, Entity.Builder b) {
    return ds.put(b.build()).completeKey();
  }

  private static Entity.Builder person(Datastore ds) {
    return Entity.newBuilder(Key.of(ds.projectId(), "Person", 1));
  }

  @Test
  void aStringInAnIntFieldFailsNamingTheKeyAndTheProperty(Datastore ds) {
    store(ds, person(ds).set("age", "forty"));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .isInstanceOf(LoadException.class)
        .hasMessage("cannot load entity Key(Person:1), property 'age': string 'forty' does not"
            + " fit int")
        .satisfies(e -> {
          assertThat(((LoadException) e).key()).isEqualTo(Key.of(ds.projectId(), "Person", 1));
          assertThat(((LoadException) e).property()).isEqualTo("age");
        });
  }

  @Test
  void anIntegerOutsideTheFieldsRangeFails(Datastore ds) {
    store(ds, person(ds).set("height", 1L << 40));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .hasMessage("cannot load entity Key(Person:1), property 'height': integer 1099511627776"
            + " is outside the range of int");
  }

  @Test
  void aListInASingleValuedFieldFailsAndSuggestsACollection(Datastore ds) {
    store(ds, person(ds).set("name", Value.of("a"), Value.of("b")));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .hasMessage("cannot load entity Key(Person:1), property 'name': a list of 2 values does"
            + " not fit String; declare the field as a List or a Set");
  }

  @Test
  void nullInAPrimitiveFieldFails(Datastore ds) {
    store(ds, person(ds).setNull("age"));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .hasMessage("cannot load entity Key(Person:1), property 'age': null does not fit int");
  }

  @Test
  void anUnknownEnumConstantFailsListingTheConstants(Datastore ds) {
    store(ds, person(ds).set("color", "BLUE"));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .hasMessageContaining("property 'color': string 'BLUE' is not a constant of Color")
        .hasMessageContaining("RED")
        .hasMessageContaining("GREEN");
  }

  @Test
  void aMismatchInsideAnEmbeddedEntityNamesTheDottedPath(Datastore ds) {
    Entity address = Entity.newEmbeddedBuilder().set("city", "Rome").set("zip", true).build();
    store(ds, person(ds).set("address", Value.of(address)));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .isInstanceOf(LoadException.class)
        .hasMessage("cannot load entity Key(Person:1), property 'address.zip': boolean true does"
            + " not fit int")
        .satisfies(e -> assertThat(((LoadException) e).property()).isEqualTo("address.zip"));
  }

  @Test
  void aTypedKeyOfAnotherKindFails(Datastore ds) {
    store(ds, person(ds).set("friend", Key.of(ds.projectId(), "Robot", 7)));

    assertThatThrownBy(() -> Models.get(Person.class, 1))
        .hasMessage("cannot load entity Key(Person:1), property 'friend': key Key(Robot:7) is of"
            + " kind 'Robot', not 'Person'");
  }

  @Test
  void aKeyWithANameDoesNotFitANumericId(Datastore ds) {
    store(ds, Entity.newBuilder(Key.of(ds.projectId(), "Person", "bob")));

    assertThatThrownBy(() -> Models.get(Person.class, Key.of(ds.projectId(), "Person", "bob")))
        .hasMessage("cannot load entity Key(Person:'bob'): it has a name, but Person.id is a"
            + " numeric id");
    store(ds, Entity.newBuilder(Key.of(ds.projectId(), "Named", 3)));
    assertThatThrownBy(() -> Models.get(Named.class, Key.of(ds.projectId(), "Named", 3)))
        .hasMessage("cannot load entity Key(Named:3): it has an id, but Named.name is a String"
            + " name");
  }

  @Test
  void exactWideningsLoadAndASingleValueLoadsIntoACollection(Datastore ds) {
    store(ds, person(ds).set("score", 3).set("tags", "solo"));

    Person p = Models.get(Person.class, 1);

    assertThat(p.score).isEqualTo(3.0);
    assertThat(p.tags).containsExactly("solo");
  }

  @Test
  void aQueryStopsAtTheFirstEntityThatDoesNotFit(Datastore ds) {
    store(ds, person(ds).set("age", 30));
    store(ds, Entity.newBuilder(Key.of(ds.projectId(), "Person", 2)).set("age", "old"));

    assertThatThrownBy(() -> Models.query(Person.class).fetch())
        .isInstanceOf(LoadException.class)
        .hasMessageContaining("Key(Person:2), property 'age'");
  }
}
