package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.BytesValue;
import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.testing.MegaliteTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How fields of every supported type are stored, loaded and indexed. */
abstract class MappingTests {

  enum Role {
    EXECUTIVE,
    MANAGER,
    PRODUCER
  }

  @dev.megalite.api.model.Entity
  static class Everything {
    @Id Long id;
    String string;
    long primitiveLong;
    Long boxedLong;
    int primitiveInt;
    Integer boxedInt;
    short smallShort;
    byte tinyByte;
    double primitiveDouble;
    Float boxedFloat;
    boolean flag;
    Boolean boxedFlag;
    byte[] blob;
    Role role;
    Instant instant;
    Date date;
    LocalDate localDate;
    LocalDateTime localDateTime;
    BigDecimal price;
    Key rawKey;
    Ref<Everything> other;
    GeoPt place;
    Text notes;
    Value anything;
    List<String> tags;
    Set<Role> roles;
    SortedSet<Integer> numbers;
    List<Ref<Everything>> links;
  }

  static class Address {
    String street;
    String city;

    Address() {}

    Address(String street, String city) {
      this.street = street;
      this.city = city;
    }
  }

  record Phone(String kind, String number) {}

  @dev.megalite.api.model.Entity
  static class Person {
    @Id String name;
    Address home;
    @Unindex Address secret;
    List<Address> previous = new ArrayList<>();
    List<Phone> phones;
  }

  static class Node {
    String label;
    List<Node> children = new ArrayList<>();
  }

  @dev.megalite.api.model.Entity
  static class Tree {
    @Id Long id;
    Node root;
  }

  @dev.megalite.api.model.Entity
  @Unindex
  static class Article {
    @Id Long id;
    @Index String title;
    String body;
    @Index @Property(name = "pub") LocalDate published;
    @AlsoLoad({"writer", "author_name"}) String author;
    @Ignore String cache = "not stored";
    transient String scratch = "not stored";
    static String shared = "not stored";
  }

  @dev.megalite.api.model.Entity
  static class Price {
    @Id Long id;
    BigDecimal amount;

    Price() {}

    Price(String amount) {
      this.amount = new BigDecimal(amount);
    }
  }

  abstract static class Audited {
    Instant created;
    String createdBy;
  }

  @dev.megalite.api.model.Entity
  static class Invoice extends Audited {
    @Id Long id;
    long cents;
    String summary;
    List<String> events = new ArrayList<>();

    @OnSave
    void summarize() {
      summary = "invoice of " + cents + " cents";
    }

    @OnLoad
    void loaded() {
      events.add("loaded");
    }
  }

  @dev.megalite.api.model.Entity
  static class Slim {
    @Id Long id;
    String name;
  }

  @dev.megalite.api.model.Entity("Slim")
  record SlimRecord(@Id Long id, String name, @Unmapped Map<String, Value> rest) {
    SlimRecord withName(String newName) {
      return new SlimRecord(id, newName, rest);
    }
  }

  @Test
  void everySupportedTypeRoundTrips(Datastore ds) {
    Everything e = new Everything();
    e.id = 1L;
    e.string = "text ✓";
    e.primitiveLong = Long.MIN_VALUE;
    e.boxedLong = 7L;
    e.primitiveInt = Integer.MAX_VALUE;
    e.boxedInt = -3;
    e.smallShort = Short.MIN_VALUE;
    e.tinyByte = 127;
    e.primitiveDouble = -0.5;
    e.boxedFloat = 1.25f;
    e.flag = true;
    e.boxedFlag = false;
    e.blob = new byte[] {1, 2, 3};
    e.role = Role.MANAGER;
    e.instant = Instant.parse("2021-02-03T04:05:06.123456Z");
    e.date = Date.from(Instant.parse("1999-12-31T23:59:59.999Z"));
    e.localDate = LocalDate.of(1969, 7, 20);
    e.localDateTime = LocalDateTime.of(2030, 1, 2, 3, 4, 5, 6000);
    e.price = new BigDecimal("-1234.5600");
    e.rawKey = Key.of(ds.projectId(), "Other", "x");
    e.other = Ref.of(Everything.class, 2);
    e.place = GeoPt.of(48.85, 2.35);
    e.notes = Text.of("long ".repeat(1000));
    e.anything = Value.list(Value.of(1), Value.of("two"));
    e.tags = List.of("a", "b", "a");
    e.roles = Set.of(Role.EXECUTIVE);
    e.numbers = new TreeSet<>(List.of(3, 1, 2));
    e.links = List.of(Ref.of(Everything.class, 3), Ref.of(Everything.class, 4));

    Models.put(e);
    Everything l = Models.get(Everything.class, 1);

    assertThat(l).usingRecursiveComparison().isEqualTo(e);
    assertThat(l.numbers).isInstanceOf(TreeSet.class).containsExactly(1, 2, 3);
  }

  @Test
  void nullFieldsAreStoredAsNullAndEmptyCollectionsLoadEmpty(Datastore ds) {
    Everything e = new Everything();
    e.id = 9L;

    Models.put(e);
    Entity stored = ds.get(Key.of(ds.projectId(), "Everything", 9));
    Everything l = Models.get(Everything.class, 9);

    assertThat(stored.get("string")).isInstanceOf(NullValue.class);
    assertThat(stored.get("tags")).isInstanceOf(NullValue.class);
    assertThat(l.string).isNull();
    assertThat(l.tags).isEmpty();
    assertThat(l.roles).isEmpty();
    assertThat(l.anything).isEqualTo(Value.ofNull());
  }

  @Test
  @MegaliteTest(emptyListSupport = true)
  void withEmptyListSupportAnEmptyCollectionStaysAnEmptyList(Datastore ds) {
    Everything e = new Everything();
    e.id = 9L;
    e.tags = List.of();

    Models.put(e);

    assertThat(ds.get(Key.of(ds.projectId(), "Everything", 9)).get("tags"))
        .isEqualTo(new ListValue(List.of()));
    assertThat(Models.get(Everything.class, 9).tags).isEmpty();
  }

  @Test
  void valuesAreStoredAsTheDatastoreTypesAppEngineUses(Datastore ds) {
    Everything e = new Everything();
    e.id = 3L;
    e.role = Role.PRODUCER;
    e.localDate = LocalDate.of(2024, 2, 29);
    e.price = new BigDecimal("12.50");
    e.blob = new byte[] {9};
    e.notes = Text.of("hello");

    Models.put(e);
    Entity stored = ds.get(Key.of(ds.projectId(), "Everything", 3));

    assertThat(stored.get("role")).isEqualTo(Value.of("PRODUCER"));
    assertThat(stored.get("localDate"))
        .isEqualTo(Value.of(Instant.parse("2024-02-29T00:00:00Z")));
    assertThat(stored.get("price")).isEqualTo(Value.of("2L11250"));
    assertThat(((BytesValue) stored.get("blob")).indexed()).isFalse();
    assertThat(stored.get("notes")).isEqualTo(new StringValue("hello", false));
    assertThat(((TimestampValue) stored.get("localDate")).indexed()).isTrue();
  }

  @Test
  void bigDecimalsFilterAndSortNumericallyAndKeepTheirScale() {
    for (String amount : List.of("10", "9.99", "-3", "0.001", "-12.5", "100.00", "0", "2.50")) {
      Models.put(new Price(amount));
    }

    List<Price> sorted = Models.query(Price.class).order("amount").fetch();
    List<Price> expensive =
        Models.query(Price.class).filter("amount >", new BigDecimal("9.990")).fetch();

    assertThat(sorted).extracting(p -> p.amount.toPlainString())
        .containsExactly("-12.5", "-3", "0", "0.001", "2.50", "9.99", "10", "100.00");
    assertThat(expensive).extracting(p -> p.amount.toPlainString())
        .containsExactlyInAnyOrder("10", "100.00");
    assertThat(GqlQuery.of(Price.class, "SELECT * FROM Price WHERE amount = :1",
            new BigDecimal("2.50")).fetch(10))
        .hasSize(1);
  }

  @Test
  void embeddedObjectsAreEmbeddedEntitiesQueryableByDottedNames(Datastore ds) {
    Person p = new Person();
    p.name = "ann";
    p.home = new Address("1 Main St", "Paris");
    p.secret = new Address("hideout", "Paris");
    p.previous = List.of(new Address("2 Side St", "Lyon"), new Address("3 Back St", "Nice"));
    p.phones = List.of(new Phone("mobile", "555-1234"));
    Models.put(p);

    Entity stored = ds.get(Key.of(ds.projectId(), "Person", "ann"));
    Person l = Models.get(Person.class, "ann");

    assertThat(stored.get("home")).isInstanceOf(EntityValue.class);
    assertThat(((EntityValue) stored.get("home")).value().getString("city")).isEqualTo("Paris");
    assertThat(l).usingRecursiveComparison().isEqualTo(p);
    assertThat(Models.query(Person.class).filter("home.city", "Paris").fetch()).hasSize(1);
    assertThat(Models.query(Person.class).filter("previous.city", "Nice").fetch()).hasSize(1);
    assertThat(Models.query(Person.class).filter("phones.number", "555-1234").fetch())
        .hasSize(1);
    assertThat(Models.query(Person.class).filter("secret.street", "hideout").fetch()).isEmpty();
  }

  @Test
  void aClassMayEmbedItselfRecursively() {
    Node leaf = new Node();
    leaf.label = "leaf";
    Node middle = new Node();
    middle.label = "middle";
    middle.children.add(leaf);
    Tree t = new Tree();
    t.root = new Node();
    t.root.label = "root";
    t.root.children.add(middle);

    Models.put(t);
    Tree l = Models.get(Tree.class, t.id);

    assertThat(l.root.children.get(0).children.get(0).label).isEqualTo("leaf");
    assertThat(Models.query(Tree.class).filter("root.children.label", "middle").count())
        .isEqualTo(1);
  }

  @Test
  void indexAnnotationsDecideWhatQueriesSee(Datastore ds) {
    Article a = new Article();
    a.title = "Hello";
    a.body = "World";
    Models.put(a);

    Entity stored = ds.get(Models.ref(a).key());

    assertThat(stored.get("title").indexed()).isTrue();
    assertThat(stored.get("body").indexed()).isFalse();
    assertThat(Models.query(Article.class).filter("title", "Hello").count()).isEqualTo(1);
    assertThat(Models.query(Article.class).filter("body", "World").count()).isZero();
  }

  @Test
  void aStoredNameRenamesThePropertyAndQueriesTranslateFieldNames(Datastore ds) {
    Article a = new Article();
    a.published = LocalDate.of(2020, 1, 1);
    Models.put(a);

    Entity stored = ds.get(Models.ref(a).key());

    assertThat(stored.names()).contains("pub").doesNotContain("published");
    assertThat(Models.query(Article.class).filter("published", LocalDate.of(2020, 1, 1)).count())
        .isEqualTo(1);
    assertThat(Models.query(Article.class).filter("pub", LocalDate.of(2020, 1, 1)).count())
        .isEqualTo(1);
  }

  @Test
  void ignoredTransientAndStaticFieldsAreNotStored(Datastore ds) {
    Article a = new Article();
    a.cache = "changed";
    Models.put(a);

    Entity stored = ds.get(Models.ref(a).key());
    Article l = Models.get(Article.class, a.id);

    assertThat(stored.names()).containsExactly("title", "body", "pub", "author");
    assertThat(l.cache).isEqualTo("not stored");
  }

  @Test
  void alsoLoadReadsAnOldNameAndTheNextPutWritesTheNewOne(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Article", 77);
    ds.put(Entity.newBuilder(key).set("writer", "Jane").set("title", "Old").build());

    Article l = Models.get(Article.class, 77);
    Models.put(l);
    Entity migrated = ds.get(key);

    assertThat(l.author).isEqualTo("Jane");
    assertThat(migrated.getString("author")).isEqualTo("Jane");
    assertThat(migrated.contains("writer")).isFalse();
  }

  @Test
  void unknownPropertiesSurviveALoadAndAPutOfTheSameInstance(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Slim", 5);
    ds.put(Entity.newBuilder(key)
        .set("name", "old")
        .set("legacy", 17)
        .set("notes", Value.of("unindexed").unindexed())
        .build());

    Slim s = Models.get(Slim.class, 5);
    s.name = "new";
    Models.put(s);
    Entity stored = ds.get(key);

    assertThat(stored.getString("name")).isEqualTo("new");
    assertThat(stored.getLong("legacy")).isEqualTo(17);
    assertThat(stored.get("notes")).isEqualTo(Value.of("unindexed").unindexed());
  }

  @Test
  void unknownPropertiesOfARecordTravelInItsUnmappedMap(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Slim", 6);
    ds.put(Entity.newBuilder(key).set("name", "old").set("legacy", 17).build());

    SlimRecord r = Models.get(SlimRecord.class, 6);
    Models.put(r.withName("new"));
    Entity stored = ds.get(key);

    assertThat(r.rest()).containsOnlyKeys("legacy");
    assertThat(stored.getString("name")).isEqualTo("new");
    assertThat(stored.getLong("legacy")).isEqualTo(17);
  }

  @Test
  void unknownPropertiesOfEmbeddedObjectsAreKeptToo(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Person", "bob");
    Entity home = Entity.newEmbeddedBuilder().set("city", "Rome").set("zip", "00100").build();
    ds.put(Entity.newBuilder(key).set("home", Value.of(home)).build());

    Person p = Models.get(Person.class, "bob");
    p.home.city = "Milan";
    Models.put(p);
    Entity stored = ((EntityValue) ds.get(key).get("home")).value();

    assertThat(stored.getString("city")).isEqualTo("Milan");
    assertThat(stored.getString("zip")).isEqualTo("00100");
  }

  @Test
  void aParentIsKeptForAClassWithoutAParentField(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Group", "g").child("Slim", 8);
    ds.put(Entity.newBuilder(key).set("name", "child").build());

    Slim s = Models.get(Slim.class, key);
    s.name = "renamed";
    Models.put(s);

    assertThat(Models.ref(s).key()).isEqualTo(key);
    assertThat(ds.get(key).getString("name")).isEqualTo("renamed");
    assertThat(Models.query(Slim.class).count()).isEqualTo(1);
  }

  @Test
  void lifecycleMethodsRunBeforeSavingAndAfterLoadingAndSuperclassFieldsAreMapped(Datastore ds) {
    Invoice i = new Invoice();
    i.cents = 1250;
    i.created = Instant.parse("2022-01-01T00:00:00Z");
    i.createdBy = "ann";

    Models.put(i);
    Invoice l = Models.get(Invoice.class, i.id);

    assertThat(i.summary).isEqualTo("invoice of 1250 cents");
    assertThat(ds.get(Models.ref(i).key()).names())
        .containsExactly("created", "createdBy", "cents", "summary", "events");
    assertThat(l.summary).isEqualTo("invoice of 1250 cents");
    assertThat(l.createdBy).isEqualTo("ann");
    assertThat(l.events).containsExactly("loaded");
  }

  @Test
  void anEqualityFilterOnACollectionMatchesAnyElement() {
    Everything a = new Everything();
    a.tags = List.of("red", "green");
    Everything b = new Everything();
    b.tags = List.of("blue");
    Models.putAll(List.of(a, b));

    assertThat(Models.query(Everything.class).filter("tags", "green").keys())
        .containsExactly(Models.ref(a));
    assertThat(Models.query(Everything.class).filter("tags in", List.of("blue", "red")).count())
        .isEqualTo(2);
  }

  @Test
  void enumAndTypedKeyFiltersAreConvertedAsTheFieldStoresThem() {
    Everything a = new Everything();
    a.role = Role.EXECUTIVE;
    a.other = Ref.of(Everything.class, 100);
    a.roles = Set.of(Role.MANAGER, Role.PRODUCER);
    Models.put(a);

    assertThat(Models.query(Everything.class).filter("role", Role.EXECUTIVE).count()).isEqualTo(1);
    assertThat(Models.query(Everything.class).filter("other", Ref.of(Everything.class, 100))
        .count()).isEqualTo(1);
    assertThat(Models.query(Everything.class).filter("roles", Role.PRODUCER).count())
        .isEqualTo(1);
  }

  @Test
  void theUnmappedMapOfARecordIsEmptyWhenNothingIsUnknown(Datastore ds) {
    SlimRecord r = Models.put(new SlimRecord(null, "x", new LinkedHashMap<>()));

    assertThat(Models.get(SlimRecord.class, r.id()).rest()).isEmpty();
  }
}
