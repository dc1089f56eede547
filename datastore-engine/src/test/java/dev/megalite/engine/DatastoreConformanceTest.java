package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.error.StorageException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.MoreResults;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.ids.IdAllocator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link MegaliteDatastore} must have, whatever key-value store it runs on.
 * Subclasses supply the store; persistent ones also override {@link #reopen}.
 */
abstract class DatastoreConformanceTest {
  /** The project of every store these tests open. */
  static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;

  private static final long SCATTERED_END = IdAllocator.SCATTERED_BASE + (1L << 51);
  private static final String[] COLORS = {"red", "green", "blue"};
  /** The namespaces the tests write to; a store's contents are what these namespaces hold. */
  private static final List<String> NAMESPACES = List.of("", "ns1");

  private final List<MegaliteDatastore> stores = new ArrayList<>();
  protected MegaliteDatastore ds;

  /** A new, empty store with {@code options} (project left at the default); the test closes it. */
  protected abstract MegaliteDatastore open(MegaliteOptions.Builder options);

  /**
   * Closes {@code store} and opens its data again with the options it was opened with, or returns
   * {@code null} (leaving {@code store} as it is) when the store does not persist.
   */
  protected MegaliteDatastore reopen(MegaliteDatastore store) {
    return null;
  }

  @BeforeEach
  void openStore() {
    ds = newStore(MegaliteOptions.newBuilder());
  }

  @AfterEach
  void closeStores() {
    stores.forEach(MegaliteDatastore::close);
  }

  // Put and get.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyValue")
  void everyValueTypeSurvivesAPutAndGetRoundTrip(String label, Value value) {
    Key key = ds.newKey("RoundTrip", 1);
    Entity entity = Entity.newBuilder(key).set("v", value).set("after", 7).build();

    ds.put(entity);

    Entity read = ds.get(key);
    assertThat(read.get("v")).isEqualTo(value);
    assertThat(read).isEqualTo(entity);
    assertThat(runAll(Query.newBuilder("RoundTrip").build())).containsExactly(entity);
    List<Value> elements = value instanceof ListValue l ? l.values() : List.of(value);
    for (Value x : elements) {
      if (!(x instanceof EntityValue)) {
        Query byValue =
            Query.newBuilder("RoundTrip").filter(Filter.eq("v", x.withIndexed(true))).build();
        assertThat(runKeys(byValue)).as("found by its value %s", x)
            .isEqualTo(x.indexed() ? List.of(key) : List.of());
      }
    }
  }

  static Stream<Arguments> everyValue() {
    Key ref =
        Key.of(PROJECT, "ns1", List.of(PathElement.of("Parent", "p"), PathElement.of("C", 9)));
    Entity address = Entity.newEmbeddedBuilder().set("city", "Oslo").set("zip", 150).build();
    Entity keyed = Entity.newBuilder(Key.of(PROJECT, "Address", 3)).set("city", "Bergen").build();
    Entity incomplete =
        Entity.newBuilder(IncompleteKey.of(ref, "Note")).set("text", "draft").build();
    Entity nested =
        Entity.newEmbeddedBuilder().set("inner", Value.of(address)).set("n", 1).build();
    return Stream.of(
        args("null", Value.ofNull()),
        args("null, unindexed", Value.ofNull().unindexed()),
        args("integer 0", Value.of(0L)),
        args("integer min", Value.of(Long.MIN_VALUE)),
        args("integer max", Value.of(Long.MAX_VALUE)),
        args("integer, unindexed", Value.of(-42L).unindexed()),
        args("double", Value.of(3.25)),
        args("double -0.0", Value.of(-0.0)),
        args("double NaN", Value.of(Double.NaN)),
        args("double infinity", Value.of(Double.NEGATIVE_INFINITY)),
        args("double min", Value.of(Double.MIN_VALUE)),
        args("boolean true", Value.of(true)),
        args("boolean false", Value.of(false)),
        args("string", Value.of("héllo wörld ☃ 𝄞")),
        args("empty string", Value.of("")),
        args("string with NUL", Value.of("a\u0000b")),
        args("long string, unindexed", Value.of("x".repeat(5_000)).unindexed()),
        args("bytes", Value.of(new byte[] {0, -1, 127, -128, 0})),
        args("empty bytes", Value.of(new byte[0])),
        args("blob, unindexed", Value.of(new byte[10_000]).unindexed()),
        args("timestamp", Value.of(Instant.parse("2024-02-29T12:34:56.789012Z"))),
        args("timestamp min", Value.timestampMicros(TimestampValue.MIN_MICROS)),
        args("timestamp max", Value.timestampMicros(TimestampValue.MAX_MICROS)),
        args("key", Value.of(ref)),
        args("key with name", Value.of(Key.of(PROJECT, "Person", "ada"))),
        args("geo point", Value.geoPoint(51.5, -0.125)),
        args("geo point corner", Value.geoPoint(-90, 180)),
        args("user", Value.user("ada@example.com")),
        args("user with auth domain", new UserValue("bob@example.org", "example.org", true)),
        args("embedded entity", Value.of(address)),
        args("embedded entity with key", Value.of(keyed)),
        args("embedded entity with incomplete key", Value.of(incomplete)),
        args("nested embedded entity", Value.of(nested)),
        args("embedded entity, unindexed", Value.of(address).unindexed()),
        args(
            "list of mixed values",
            Value.list(
                Value.of(1L), Value.of("a"), Value.ofNull(), Value.of(2.5), Value.of(true),
                Value.of(ref), Value.of(1L))),
        args("list with unindexed element", Value.list(Value.of("a"), Value.of("b").unindexed())),
        args("list of embedded entities", Value.list(Value.of(address), Value.of(keyed))),
        args("list, unindexed", Value.list(Value.of(1L), Value.of(2L)).unindexed()));
  }

  private static Arguments args(String label, Value v) {
    return Arguments.of(label, v);
  }

  @Test
  void anEmptyListIsStoredAsNull() {
    Key key = ds.newKey("Item", 1);
    ds.put(Entity.newBuilder(key).set("tags", Value.list()).build());

    assertThat(ds.get(key).get("tags")).isEqualTo(Value.ofNull());
    assertThat(runKeys(Query.newBuilder("Item").filter(Filter.eq("tags", Value.ofNull())).build()))
        .containsExactly(key);
  }

  @Test
  void batchGetKeepsTheOrderOfTheKeysWithNullForMissingOnes() {
    Entity a = Entity.newBuilder(ds.newKey("Item", 1)).set("n", 1).build();
    Entity c = Entity.newBuilder(ds.newKey("Item", "c")).set("n", 3).build();
    ds.put(List.of(a, c));

    List<Entity> got =
        ds.get(
            List.of(
                c.completeKey(), ds.newKey("Item", 2), a.completeKey(), ds.newKey("Missing", 1),
                c.completeKey()));

    assertThat(got).containsExactly(c, null, a, null, c);
    assertThat(ds.get(List.of())).isEmpty();
  }

  @Test
  void putWithIncompleteKeysReturnsCompleteKeysWithDistinctScatteredIds() {
    Key parent = ds.newKey("Folder", "root");
    List<Entity> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      IncompleteKey key = i % 4 == 0 ? parent.newChild("Doc") : ds.newIncompleteKey("Doc");
      batch.add(Entity.newBuilder(key).set("i", i).build());
    }

    List<Entity> put = new ArrayList<>(ds.put(batch));
    for (int i = 0; i < 20; i++) {
      put.add(ds.put(Entity.newBuilder(ds.newIncompleteKey("Doc")).set("i", 100 + i).build()));
    }

    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < put.size(); i++) {
      Key key = put.get(i).completeKey();
      assertThat(key.id())
          .isGreaterThanOrEqualTo(IdAllocator.SCATTERED_BASE)
          .isLessThan(SCATTERED_END);
      assertThat(key.kind()).isEqualTo("Doc");
      assertThat(key.parent()).isEqualTo(i < 100 && i % 4 == 0 ? parent : null);
      assertThat(put.get(i).getLong("i")).isEqualTo(i);
      assertThat(ds.get(key)).isEqualTo(put.get(i));
      ids.add(key.id());
    }
    assertThat(ids).hasSize(120);
  }

  @Test
  void sequentialPolicyNumbersIdsOneTwoThree() {
    MegaliteDatastore seq = newStore(MegaliteOptions.newBuilder().idPolicy(IdPolicy.SEQUENTIAL));
    List<Entity> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(Entity.newBuilder(seq.newIncompleteKey("Ticket")).set("i", i).build());
    }

    List<Entity> put = seq.put(batch);

    assertThat(put).extracting(e -> e.completeKey().id()).containsExactly(1L, 2L, 3L);
    assertThat(seq.get(Key.of(PROJECT, "Ticket", 2)).getLong("i")).isEqualTo(1);
    assertThat(seq.allocateIds(seq.newIncompleteKey("Ticket"), 2))
        .extracting(Key::id)
        .containsExactly(4L, 5L);
  }

  @Test
  void allocatedIdsNeverRepeat() {
    MegaliteDatastore seq = newStore(MegaliteOptions.newBuilder().idPolicy(IdPolicy.SEQUENTIAL));
    for (MegaliteDatastore store : List.of(ds, seq)) {
      Set<Long> ids = new HashSet<>();
      int handed = 0;
      for (int round = 0; round < 4; round++) {
        // 4 x 6,001 ids cross the allocator's reservation blocks.
        for (Key k : store.allocateIds(store.newIncompleteKey("Counter"), 6_000)) {
          ids.add(k.id());
          handed++;
        }
        Entity e = store.put(Entity.newBuilder(store.newIncompleteKey("Counter")).build());
        ids.add(e.completeKey().id());
        handed++;
      }
      assertThat(ids).as("distinct ids of %s", store).hasSize(handed);
      assertThat(store.allocateIds(store.newIncompleteKey("Counter"), 0)).isEmpty();
    }
  }

  @Test
  void allocatedIdsNeverCollideWithIdsFromBeforeAReopen() {
    MegaliteDatastore seq = newStore(MegaliteOptions.newBuilder().idPolicy(IdPolicy.SEQUENTIAL));
    for (MegaliteDatastore first : List.of(ds, seq)) {
      Set<Long> before = new HashSet<>();
      first.allocateIds(first.newIncompleteKey("Counter"), 12_345).forEach(k -> before.add(k.id()));
      before.add(first.put(Entity.newBuilder(first.newIncompleteKey("Counter")).build())
          .completeKey().id());

      MegaliteDatastore again = reopenStore(first);
      assumeThat(again).as("a reopened store (only persistent stores reopen)").isNotNull();
      List<Key> after = again.allocateIds(again.newIncompleteKey("Counter"), 12_345);
      Entity put = again.put(Entity.newBuilder(again.newIncompleteKey("Counter")).build());

      Set<Long> afterIds = new HashSet<>();
      after.forEach(k -> afterIds.add(k.id()));
      afterIds.add(put.completeKey().id());
      assertThat(afterIds).hasSize(12_346).doesNotContainAnyElementsOf(before);
    }
  }

  @Test
  void anExplicitSequentialIdMakesLaterSequentialAllocationsSkipPastIt() {
    MegaliteDatastore seq = newStore(MegaliteOptions.newBuilder().idPolicy(IdPolicy.SEQUENTIAL));
    assertThat(putNew(seq, "Ticket").id()).isEqualTo(1);

    seq.put(Entity.newBuilder(Key.of(PROJECT, "Ticket", 10)).set("explicit", true).build());

    assertThat(putNew(seq, "Ticket").id()).isEqualTo(11);
    assertThat(seq.allocateIds(seq.newIncompleteKey("Ticket"), 1).get(0).id()).isEqualTo(12);
    // A smaller explicit id does not move the counter back.
    seq.put(Entity.newBuilder(Key.of(PROJECT, "Ticket", 5)).build());
    assertThat(putNew(seq, "Ticket").id()).isEqualTo(13);
    assertThat(seq.get(Key.of(PROJECT, "Ticket", 10)).getBoolean("explicit")).isTrue();

    seq.put(Entity.newBuilder(Key.of(PROJECT, "Ticket", 50_000)).build());
    MegaliteDatastore again = reopenStore(seq);
    if (again != null) {
      assertThat(putNew(again, "Ticket").id()).isGreaterThan(50_000);
    }
  }

  @Test
  void anExplicitIdHighInTheSequentialRangeIsAcceptedAndSkippedPast() {
    MegaliteDatastore seq = newStore(MegaliteOptions.newBuilder().idPolicy(IdPolicy.SEQUENTIAL));
    long high = (1L << 51) - 5;
    Entity explicit = Entity.newBuilder(Key.of(PROJECT, "Ticket", high)).set("n", 1).build();

    seq.put(explicit);

    assertThat(seq.get(explicit.completeKey())).isEqualTo(explicit);
    assertThat(putNew(seq, "Ticket").id())
        .isGreaterThan(high)
        .isLessThan(IdAllocator.SCATTERED_BASE);
  }

  // Overwrite and delete.

  @Test
  void overwriteRemovesTheOldIndexRows() {
    Key key = ds.newKey("Item", 1);
    ds.put(Entity.newBuilder(key)
        .set("color", "red")
        .set("tags", Value.of("a"), Value.of("b"))
        .set("size", 3)
        .build());

    Entity newer = Entity.newBuilder(key)
        .set("color", "blue")
        .set("tags", Value.of("b"), Value.of("c"))
        .set("size", Value.of(3L).unindexed())
        .build();
    ds.put(newer);

    assertThat(runKeys(eq("Item", "color", "red"))).isEmpty();
    assertThat(runKeys(eq("Item", "color", "blue"))).containsExactly(key);
    assertThat(runKeys(eq("Item", "tags", "a"))).isEmpty();
    assertThat(runKeys(eq("Item", "tags", "b"))).containsExactly(key);
    assertThat(runKeys(eq("Item", "tags", "c"))).containsExactly(key);
    assertThat(runKeys(Query.newBuilder("Item").filter(Filter.eq("size", 3)).build())).isEmpty();
    assertThat(runKeys(Query.newBuilder("Item").orderBy(SortOrder.asc("size")).build())).isEmpty();
    assertThat(ds.get(key)).isEqualTo(newer);
    ConsistencyReport report = ds.checkConsistency();
    assertThat(report.problems()).isEmpty();
    // One kind row, one color row, two tags rows.
    assertThat(report.indexRows()).isEqualTo(4);
    assertThat(report.entities()).isEqualTo(1);
  }

  @Test
  void deleteRemovesTheEntityAndItsIndexRows() {
    Key gone = ds.newKey("Item", 1);
    Key kept = ds.newKey("Item", 2);
    ds.put(List.of(
        Entity.newBuilder(gone).set("color", "red").set("tags", Value.of(1L), Value.of(2L)).build(),
        Entity.newBuilder(kept).set("color", "blue").build()));

    ds.delete(gone);

    assertThat(ds.get(gone)).isNull();
    assertThat(runKeys(Query.newBuilder("Item").build())).containsExactly(kept);
    assertThat(runKeys(eq("Item", "color", "red"))).isEmpty();
    assertThat(runKeys(Query.newBuilder("Item").orderBy(SortOrder.desc("tags")).build())).isEmpty();
    assertThat(runKeys(Query.newBuilder().build())).containsExactly(kept);
    ConsistencyReport report = ds.checkConsistency();
    assertThat(report.problems()).isEmpty();
    assertThat(report.entities()).isEqualTo(1);
    assertThat(report.indexRows()).isEqualTo(2);

    ds.delete(List.of(kept));
    // Nothing left: no rows, and the stored data recounted from the rows is zero too.
    assertThat(ds.checkConsistency()).isEqualTo(new ConsistencyReport(0, 0, List.of(),
        dev.megalite.engine.quota.StoredDataUsage.of(java.util.Map.of(),
            dev.megalite.engine.quota.QuotaUsage.UNLIMITED)));
  }

  @Test
  void deletingAMissingKeyIsANoOp() {
    Entity kept = Entity.newBuilder(ds.newKey("Item", 1)).set("color", "red").build();
    ds.put(kept);
    Stored before = stored();

    ds.delete(ds.newKey("Item", 2));
    ds.delete(List.of(ds.newKey("Nothing", "here"), ds.newKey("Item", 3)));
    ds.delete(List.of());

    assertThat(stored()).isEqualTo(before);
    assertThat(ds.get(kept.completeKey())).isEqualTo(kept);
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  // Namespaces, ancestors, kindless.

  @Test
  void namespacesAreIsolated() {
    Key plain = ds.newKey("Item", 1);
    Key other = Key.of(PROJECT, "ns1", "Item", 1);
    ds.put(List.of(
        Entity.newBuilder(plain).set("color", "red").build(),
        Entity.newBuilder(ds.newKey("Item", 2)).set("color", "blue").build(),
        Entity.newBuilder(other).set("color", "blue").build()));

    assertThat(ds.get(plain).getString("color")).isEqualTo("red");
    assertThat(ds.get(other).getString("color")).isEqualTo("blue");
    assertThat(runKeys(Query.newBuilder("Item").build()))
        .containsExactly(plain, ds.newKey("Item", 2));
    assertThat(runKeys(Query.newBuilder("Item").namespace("ns1").build())).containsExactly(other);
    assertThat(runKeys(eq("Item", "color", "blue"))).containsExactly(ds.newKey("Item", 2));
    assertThat(runKeys(Query.newBuilder("Item").namespace("ns1").filter(Filter.eq("color", "blue"))
            .build()))
        .containsExactly(other);
    assertThat(runKeys(Query.newBuilder("Item").namespace("ns1").filter(Filter.eq("color", "red"))
            .build()))
        .isEmpty();
    assertThat(runKeys(Query.newBuilder().namespace("ns1").build())).containsExactly(other);
    assertThat(runKeys(Query.newBuilder().namespace("ns2").build())).isEmpty();

    ds.delete(other);
    assertThat(ds.get(plain)).isNotNull();
    assertThat(runKeys(Query.newBuilder("Item").build())).hasSize(2);
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  @Test
  void ancestorQueriesReturnTheAncestorAndItsDescendantsOnly() {
    Key family = ds.newKey("Family", 1);
    Key ada = family.child("Person", 1);
    Key rex = ada.child("Pet", "rex");
    Key bob = family.child("Person", 2);
    Key stranger = ds.newKey("Family", 2).child("Person", 3);
    Key orphan = ds.newKey("Family", 9).child("Person", 4); // its root entity does not exist
    ds.put(List.of(
        Entity.newBuilder(family).set("name", "Lovelace").build(),
        Entity.newBuilder(ada).set("age", 36).build(),
        Entity.newBuilder(rex).set("age", 3).build(),
        Entity.newBuilder(bob).set("age", 40).build(),
        Entity.newBuilder(stranger).set("age", 36).build(),
        Entity.newBuilder(orphan).set("age", 36).build()));

    assertThat(runKeys(Query.newBuilder("Person").ancestor(family).build()))
        .containsExactly(ada, bob);
    assertThat(runKeys(Query.newBuilder().ancestor(family).build()))
        .containsExactly(family, ada, rex, bob);
    assertThat(runKeys(Query.newBuilder("Person").ancestor(ada).build())).containsExactly(ada);
    assertThat(runKeys(Query.newBuilder().ancestor(ada).build())).containsExactly(ada, rex);
    assertThat(runKeys(Query.newBuilder("Person").ancestor(family).filter(Filter.eq("age", 36))
            .build()))
        .containsExactly(ada);
    assertThat(runKeys(Query.newBuilder("Person").ancestor(ds.newKey("Family", 9)).build()))
        .containsExactly(orphan);
    assertThat(runKeys(Query.newBuilder("Person").ancestor(ds.newKey("Family", 3)).build()))
        .isEmpty();
    assertThat(runKeys(Query.newBuilder("Person").filter(Filter.eq("age", 36)).build()))
        .containsExactly(ada, stranger, orphan);
  }

  @Test
  void kindlessQueriesReturnEveryKindOfTheNamespaceInKeyOrder() {
    Key a = ds.newKey("Alpha", 2);
    Key b1 = ds.newKey("Beta", 1);
    Key b2 = ds.newKey("Beta", "name");
    Key child = b1.child("Alpha", 1);
    Key c = ds.newKey("Gamma", 1);
    ds.put(List.of(
        Entity.newBuilder(c).build(),
        Entity.newBuilder(child).build(),
        Entity.newBuilder(b2).build(),
        Entity.newBuilder(a).set("x", 1).build(),
        Entity.newBuilder(b1).build(),
        Entity.newBuilder(Key.of(PROJECT, "ns1", "Alpha", 1)).build()));

    assertThat(runKeys(Query.newBuilder().build())).containsExactly(a, b1, child, b2, c);
    assertThat(runKeys(Query.newBuilder().filter(Filter.key(Operator.GREATER_THAN, b1)).build()))
        .containsExactly(child, b2, c);
    assertThat(runKeys(Query.newBuilder().keysOnly().orderBy(SortOrder.asc("__key__")).build()))
        .containsExactly(a, b1, child, b2, c);
    assertThat(runAll(Query.newBuilder().limit(1).build()))
        .containsExactly(Entity.newBuilder(a).set("x", 1).build());
  }

  // Plans.

  @Test
  void explainShowsAKindScanForAKindQuery() {
    assertThat(ds.explain(Query.newBuilder("Person").build())).isEqualTo("KindScan(Person)");
    Query withAncestor =
        Query.newBuilder("Person").ancestor(ds.newKey("Family", 1)).keysOnly().limit(5).build();
    assertThat(ds.explain(withAncestor))
        .isEqualTo("KindScan(Person, ancestor=Key(Family:1)) keys only limit 5");
  }

  @Test
  void explainShowsAMergeJoinForEqualityFilters() {
    Query q = Query.newBuilder("Person")
        .filter(Filter.and(Filter.eq("city", "Oslo"), Filter.eq("age", 30)))
        .build();
    assertThat(ds.explain(q)).isEqualTo("MergeJoin(Person: age = 30 AND city = 'Oslo')");
  }

  @Test
  void explainShowsAnAscendingPropertyScanForAnInequality() {
    Query inequality = Query.newBuilder("Person").filter(Filter.ge("age", Value.of(18L))).build();
    assertThat(ds.explain(inequality))
        .isEqualTo("PropertyScan(Person.age ASC, range) order by age ASC");
    Query sorted = Query.newBuilder("Person").orderBy(SortOrder.asc("age")).offset(2).build();
    assertThat(ds.explain(sorted))
        .isEqualTo("PropertyScan(Person.age ASC) order by age ASC offset 2");
  }

  @Test
  void explainShowsADescendingPropertyScanForADescendingSort() {
    assertThat(ds.explain(Query.newBuilder("Person").orderBy(SortOrder.desc("age")).build()))
        .isEqualTo("PropertyScan(Person.age DESC) order by age DESC");
  }

  @Test
  void explainShowsAUnionForIn() {
    Query q =
        Query.newBuilder("Person").filter(Filter.in("age", Value.of(1L), Value.of(2L))).build();
    assertThat(ds.explain(q))
        .isEqualTo("Union(MergeJoin(Person: age = 1), MergeJoin(Person: age = 2))");
  }

  @Test
  void explainShowsAnEntityScanForAKindlessQuery() {
    assertThat(ds.explain(Query.newBuilder().build())).isEqualTo("EntityScan(kindless)");
    assertThat(ds.explain(Query.newBuilder().ancestor(ds.newKey("Family", 1)).build()))
        .isEqualTo("EntityScan(kindless, ancestor=Key(Family:1))");
  }

  // Limits, offsets and moreResults.

  @Test
  void limitReturnsTheFirstResults() {
    putItems(10);
    assertThat(runKeys(Query.newBuilder("Item").limit(3).build()))
        .containsExactly(item(1), item(2), item(3));
    assertThat(runKeys(Query.newBuilder("Item").limit(30).build())).hasSize(10);
  }

  @Test
  void offsetSkipsResultsAndCountsThemAsSkipped() {
    putItems(10);

    Page rest = page(Query.newBuilder("Item").offset(4).build());
    assertThat(keys(rest.results()))
        .containsExactly(item(5), item(6), item(7), item(8), item(9), item(10));
    assertThat(rest.skipped()).isEqualTo(4);

    Page window = page(Query.newBuilder("Item").offset(4).limit(3).build());
    assertThat(keys(window.results())).containsExactly(item(5), item(6), item(7));
    assertThat(window.skipped()).isEqualTo(4);
    assertThat(window.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_LIMIT);

    Page beyond = page(Query.newBuilder("Item").offset(15).build());
    assertThat(beyond.results()).isEmpty();
    assertThat(beyond.skipped()).isEqualTo(10);
    assertThat(beyond.more()).isEqualTo(MoreResults.NO_MORE_RESULTS);
  }

  @Test
  void limitZeroReturnsNothing() {
    putItems(3);
    Page p = page(Query.newBuilder("Item").limit(0).build());
    assertThat(p.results()).isEmpty();
    assertThat(p.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_LIMIT);
  }

  @Test
  void moreResultsIsAfterLimitWhenTheLimitStopsTheQuery() {
    putItems(5);
    Page p = page(Query.newBuilder("Item").limit(3).build());
    assertThat(keys(p.results())).containsExactly(item(1), item(2), item(3));
    assertThat(p.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_LIMIT);
  }

  @Test
  void moreResultsIsNoMoreResultsWhenTheQueryIsExhausted() {
    putItems(5);
    try (QueryResults<Entity> r = ds.run(Query.newBuilder("Item").limit(10).build())) {
      assertThat(r.hasNext()).isTrue();
      assertThat(r.moreResults()).isEqualTo(MoreResults.NOT_FINISHED);
      int n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      assertThat(n).isEqualTo(5);
      assertThat(r.moreResults()).isEqualTo(MoreResults.NO_MORE_RESULTS);
    }
    assertThat(page(Query.newBuilder("Nothing").build()).more())
        .isEqualTo(MoreResults.NO_MORE_RESULTS);
  }

  @Test
  void moreResultsIsAfterCursorWhenTheEndCursorStopsTheQuery() {
    putItems(5);
    Query q = Query.newBuilder("Item").build();
    Cursor end = page(q.toBuilder().limit(2).build()).cursor();

    Page p = page(q.toBuilder().endCursor(end).build());

    assertThat(keys(p.results())).containsExactly(item(1), item(2));
    assertThat(p.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_CURSOR);
    assertThat(p.cursor()).isEqualTo(end);
  }

  // Cursors.

  @ParameterizedTest(name = "{0}")
  @MethodSource("planShapes")
  void pagingWithCursorsReturnsExactlyTheFullResult(Shape shape) {
    List<Entity> data = pagingData();
    ds.put(data);
    List<Key> expected = shape.expected(data);
    assertThat(expected).hasSizeGreaterThan(3);
    assertThat(ds.explain(shape.query())).isEqualTo(shape.explain());
    assertThat(runKeys(shape.query())).containsExactlyElementsOf(expected);

    for (int pageSize : new int[] {1, 3}) {
      List<Key> paged = new ArrayList<>();
      Cursor cursor = null;
      for (int pages = 0; ; pages++) {
        assertThat(pages).as("pages of %d", pageSize).isLessThanOrEqualTo(expected.size());
        Page p = page(shape.query().toBuilder().limit(pageSize).startCursor(cursor).build());
        paged.addAll(keys(p.results()));
        if (p.more() == MoreResults.NO_MORE_RESULTS) {
          break;
        }
        assertThat(p.results()).hasSize(pageSize);
        assertThat(p.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_LIMIT);
        cursor = p.cursor();
      }
      assertThat(paged).as("pages of %d", pageSize).containsExactlyElementsOf(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planShapes")
  void aCursorFromBeforeTheFirstResultResumesAtTheStart(Shape shape) {
    List<Entity> data = pagingData();
    ds.put(data);
    List<Key> expected = shape.expected(data);

    Cursor start;
    try (QueryResults<Entity> r = ds.run(shape.query())) {
      start = r.cursorAfter();
    }
    Page none = page(shape.query().toBuilder().limit(0).build());

    assertThat(runKeys(shape.query().toBuilder().startCursor(start).build()))
        .containsExactlyElementsOf(expected);
    assertThat(runKeys(shape.query().toBuilder().startCursor(none.cursor()).build()))
        .containsExactlyElementsOf(expected);
    Page empty = page(shape.query().toBuilder().endCursor(start).build());
    assertThat(empty.results()).isEmpty();
    assertThat(empty.more()).isEqualTo(MoreResults.MORE_RESULTS_AFTER_CURSOR);
  }

  /** One plan shape: a query over {@link #pagingData()} and its expected result, by model. */
  record Shape(
      String name,
      Query query,
      String explain,
      Predicate<Entity> matches,
      Comparator<Entity> order) {
    List<Key> expected(List<Entity> data) {
      return data.stream().filter(matches).sorted(order).map(Entity::completeKey).toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shape> planShapes() {
    Comparator<Entity> byKey = Comparator.comparing(Entity::completeKey);
    Key item1 = Key.of(PROJECT, "Item", 1);
    Predicate<Entity> isItem = kind("Item");
    Predicate<Entity> isPart = kind("Part");
    return Stream.of(
        new Shape("KindScan", Query.newBuilder("Item").build(), "KindScan(Item)", isItem, byKey),
        new Shape(
            "MergeJoin",
            Query.newBuilder("Item")
                .filter(Filter.and(Filter.eq("color", "red"), Filter.eq("flag", true)))
                .build(),
            "MergeJoin(Item: color = 'red' AND flag = TRUE)",
            isItem.and(has("color", Value.of("red"))).and(has("flag", Value.of(true))),
            byKey),
        new Shape(
            "PropertyScan ASC",
            Query.newBuilder("Item").filter(Filter.ge("tags", Value.of(2L))).build(),
            "PropertyScan(Item.tags ASC, range) order by tags ASC",
            isItem.and(e -> tags(e).anyMatch(t -> t >= 2)),
            Comparator.comparingLong(
                    (ToLongFunction<Entity>) e -> tags(e).filter(t -> t >= 2).min().getAsLong())
                .thenComparing(byKey)),
        new Shape(
            "PropertyScan DESC",
            Query.newBuilder("Item").orderBy(SortOrder.desc("tags")).build(),
            "PropertyScan(Item.tags DESC) order by tags DESC",
            isItem.and(e -> tags(e).count() > 0),
            Comparator.comparingLong((ToLongFunction<Entity>) e -> -tags(e).max().getAsLong())
                .thenComparing(byKey)),
        new Shape(
            "PropertyScan ASC excluding a value",
            Query.newBuilder("Item").filter(Filter.ne("tags", Value.of(0L))).build(),
            "PropertyScan(Item.tags ASC, range, excluding 1) order by tags ASC",
            isItem.and(e -> tags(e).anyMatch(t -> t != 0)),
            Comparator.comparingLong(
                    (ToLongFunction<Entity>) e -> tags(e).filter(t -> t != 0).min().getAsLong())
                .thenComparing(byKey)),
        new Shape(
            "PropertyScan DESC in a range excluding a value",
            Query.newBuilder("Item")
                .filter(
                    Filter.and(Filter.lt("tags", Value.of(6L)), Filter.ne("tags", Value.of(3L))))
                .orderBy(SortOrder.desc("tags"))
                .build(),
            "PropertyScan(Item.tags DESC, range, excluding 1) order by tags DESC",
            isItem.and(e -> tags(e).anyMatch(t -> t < 6 && t != 3)),
            Comparator.comparingLong(
                    (ToLongFunction<Entity>)
                        e -> -tags(e).filter(t -> t < 6 && t != 3).max().getAsLong())
                .thenComparing(byKey)),
        new Shape(
            "Union in key order",
            Query.newBuilder("Item").filter(Filter.in("tags", Value.of(1L), Value.of(5L))).build(),
            "Union(MergeJoin(Item: tags = 1), MergeJoin(Item: tags = 5))",
            isItem.and(e -> tags(e).anyMatch(t -> t == 1 || t == 5)),
            byKey),
        new Shape(
            "Union of ranges",
            Query.newBuilder("Item")
                .filter(Filter.or(Filter.lt("tags", Value.of(1L)), Filter.gt("tags", Value.of(5L))))
                .build(),
            "Union(PropertyScan(Item.tags ASC, range), PropertyScan(Item.tags ASC, range))"
                + " order by tags ASC",
            isItem.and(e -> tags(e).anyMatch(t -> t < 1 || t > 5)),
            Comparator.comparingLong(
                    (ToLongFunction<Entity>)
                        e -> tags(e).filter(t -> t < 1 || t > 5).min().getAsLong())
                .thenComparing(byKey)),
        new Shape(
            "Union in value order",
            Query.newBuilder("Item")
                .filter(Filter.in("color", Value.of("blue"), Value.of("red")))
                .orderBy(SortOrder.desc("color"))
                .build(),
            "Union(MergeJoin(Item: color = 'blue'), MergeJoin(Item: color = 'red'))"
                + " order by color DESC",
            isItem.and(has("color", Value.of("blue")).or(has("color", Value.of("red")))),
            Comparator.comparing((Entity e) -> e.getString("color"), Comparator.reverseOrder())
                .thenComparing(byKey)),
        new Shape(
            "EntityScan", Query.newBuilder().build(), "EntityScan(kindless)", e -> true, byKey),
        new Shape(
            "KindScan with ancestor",
            Query.newBuilder("Part").ancestor(item1).build(),
            "KindScan(Part, ancestor=Key(Item:1))",
            isPart.and(e -> item1.isAncestorOf(e.completeKey())),
            byKey),
        new Shape(
            "MergeJoin with ancestor",
            Query.newBuilder("Part").ancestor(item1).filter(Filter.eq("color", "red")).build(),
            "MergeJoin(Part: color = 'red', ancestor=Key(Item:1))",
            isPart.and(e -> item1.isAncestorOf(e.completeKey())).and(has("color", Value.of("red"))),
            byKey),
        new Shape(
            "EntityScan with ancestor",
            Query.newBuilder().ancestor(item1).build(),
            "EntityScan(kindless, ancestor=Key(Item:1))",
            e -> item1.isAncestorOf(e.completeKey()),
            byKey));
  }

  /**
   * Items 1..40 with a single-valued color and flag and a two-valued integer {@code tags}
   * (sometimes both equal), an item without those properties, one with them unindexed, entities
   * of another kind with matching values, and children of items 1 and 2.
   */
  static List<Entity> pagingData() {
    List<Entity> out = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      out.add(Entity.newBuilder(Key.of(PROJECT, "Item", i))
          .set("color", COLORS[i % 3])
          .set("flag", i % 2 == 0)
          .set("tags", Value.of((long) (i % 4)), Value.of((long) (i * 3 % 7)))
          .set("n", i)
          .build());
    }
    out.add(Entity.newBuilder(Key.of(PROJECT, "Item", 41)).set("n", 41).build());
    out.add(Entity.newBuilder(Key.of(PROJECT, "Item", 42))
        .set("color", Value.of("red").unindexed())
        .set("flag", Value.of(true).unindexed())
        .set("tags", Value.list(Value.of(1L), Value.of(6L)).unindexed())
        .build());
    for (int i = 1; i <= 5; i++) {
      out.add(Entity.newBuilder(Key.of(PROJECT, "Other", i))
          .set("color", "red")
          .set("flag", true)
          .set("tags", Value.of(1L), Value.of(6L))
          .build());
    }
    for (int i = 1; i <= 12; i++) {
      out.add(Entity.newBuilder(Key.of(PROJECT, "Item", 1).child("Part", i))
          .set("color", COLORS[i % 3])
          .build());
    }
    for (int i = 1; i <= 3; i++) {
      out.add(Entity.newBuilder(Key.of(PROJECT, "Item", 2).child("Part", i))
          .set("color", "red")
          .build());
    }
    return out;
  }

  private static Predicate<Entity> kind(String kind) {
    return e -> e.completeKey().kind().equals(kind);
  }

  /** Whether the entity has {@code value} among its indexed values of {@code property}. */
  private static Predicate<Entity> has(String property, Value value) {
    return e -> indexedValues(e, property).contains(value);
  }

  private static java.util.stream.LongStream tags(Entity e) {
    return indexedValues(e, "tags").stream().mapToLong(v -> ((IntegerValue) v).value());
  }

  private static List<Value> indexedValues(Entity e, String property) {
    Value v = e.get(property);
    if (v == null) {
      return List.of();
    }
    List<Value> all = v instanceof ListValue l ? l.values() : List.of(v);
    return all.stream().filter(Value::indexed).toList();
  }

  @Test
  void aCursorSurvivesItsUrlSafeFormAndResumes() {
    putItems(7);
    Query q = Query.newBuilder("Item").build();
    String text = page(q.toBuilder().limit(4).build()).cursor().toUrlSafe();

    Cursor parsed = Cursor.fromUrlSafe(text);

    assertThat(parsed.toUrlSafe()).isEqualTo(text);
    assertThat(runKeys(q.toBuilder().startCursor(parsed).build()))
        .containsExactly(item(5), item(6), item(7));
  }

  @Test
  void aCursorOfAnotherQueryIsRejected() {
    putItems(5);
    Cursor cursor = page(Query.newBuilder("Item").limit(2).build()).cursor();

    assertThatThrownBy(() -> runAll(Query.newBuilder("Other").startCursor(cursor).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("different query");
    assertThatThrownBy(() -> runAll(
            Query.newBuilder("Item").filter(Filter.eq("n", 1)).startCursor(cursor).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("different query");
    assertThatThrownBy(
            () -> runAll(Query.newBuilder("Item").namespace("ns1").endCursor(cursor).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("end cursor");
    assertThatThrownBy(() -> runAll(
            Query.newBuilder("Item").startCursor(Cursor.of(new byte[] {7, 1, 2})).build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("not a Megalite cursor");
  }

  // Composite indexes.

  @Test
  void equalityAndSortOnAnotherPropertyNeedsACompositeIndex() {
    Query q = Query.newBuilder("Employee")
        .filter(Filter.eq("role", "x"))
        .orderBy(SortOrder.desc("hireDate"))
        .build();
    String yaml = "- kind: Employee\n"
        + "  properties:\n"
        + "  - name: role\n"
        + "  - name: hireDate\n"
        + "    direction: desc\n";

    MegaliteDatastore strict = newStore(MegaliteOptions.newBuilder().requireIndexes(true));
    NeedIndexException e = catchThrowableOfType(NeedIndexException.class, () -> strict.run(q));

    assertThat(e.indexYaml()).isEqualTo(yaml);
    assertThat(e.getMessage()).contains(yaml);
    assertThat(catchThrowableOfType(NeedIndexException.class, () -> strict.explain(q)).indexYaml())
        .isEqualTo(yaml);
  }

  @Test
  void ancestorWithInequalityNeedsACompositeIndexWithAncestor() {
    MegaliteDatastore strict = newStore(MegaliteOptions.newBuilder().requireIndexes(true));
    Query q = Query.newBuilder("Employee")
        .ancestor(ds.newKey("Company", "acme"))
        .filter(Filter.gt("hireDate", Value.of(Instant.parse("2020-01-01T00:00:00Z"))))
        .build();

    NeedIndexException e = catchThrowableOfType(NeedIndexException.class, () -> strict.run(q));

    assertThat(e.indexYaml())
        .isEqualTo("- kind: Employee\n  ancestor: yes\n  properties:\n  - name: hireDate\n");
  }

  // Bad input: a clear error, and nothing changes.

  @Test
  void aKeyOfAnotherProjectIsRejectedAndChangesNothing() {
    seedForBadInput();
    Key foreign = Key.of("elsewhere", "Item", 1);
    assertRejectedAndUnchanged(
        () -> ds.put(Entity.newBuilder(foreign).set("color", "red").build()),
        BadRequestException.class, "elsewhere", PROJECT);
    assertRejectedAndUnchanged(() -> ds.get(foreign), BadRequestException.class, "elsewhere");
    assertRejectedAndUnchanged(() -> ds.delete(foreign), BadRequestException.class, "elsewhere");
    assertRejectedAndUnchanged(
        () -> ds.allocateIds(IncompleteKey.of("elsewhere", "Item"), 1),
        BadRequestException.class, "elsewhere");
  }

  @Test
  void anEntityWithoutAKeyIsRejectedAndChangesNothing() {
    seedForBadInput();
    Entity keyless = Entity.newEmbeddedBuilder().set("color", "red").build();
    assertRejectedAndUnchanged(() -> ds.put(keyless), BadRequestException.class, "no key");
  }

  @Test
  void anIndexedStringOf1501BytesIsRejectedNamingThePropertyAndTheLimit() {
    seedForBadInput();
    Entity existing = ds.get(ds.newKey("Item", 1));
    Entity tooLong = existing.toBuilder()
        .set("color", "purple")
        .set("note", "é".repeat(750) + "x")
        .build();
    assertRejectedAndUnchanged(
        () -> ds.put(tooLong), LimitExceededException.class, "'note'", "1,500", "1,501");
    Entity tooLongBytes = Entity.newBuilder(ds.newKey("Item", 99))
        .set("blob", Value.of(new byte[1_501]))
        .build();
    assertRejectedAndUnchanged(
        () -> ds.put(tooLongBytes), LimitExceededException.class, "'blob'", "1,500");
  }

  @Test
  void anIndexedStringOf1500BytesOrAnUnindexedLongerOneIsAccepted() {
    Entity atLimit = Entity.newBuilder(ds.newKey("Item", 1)).set("note", "é".repeat(750)).build();
    Entity unindexed = Entity.newBuilder(ds.newKey("Item", 2))
        .set("note", Value.of("x".repeat(1_501)).unindexed())
        .build();

    ds.put(List.of(atLimit, unindexed));

    assertThat(ds.get(List.of(atLimit.completeKey(), unindexed.completeKey())))
        .containsExactly(atLimit, unindexed);
    assertThat(runKeys(eq("Item", "note", "é".repeat(750))))
        .containsExactly(atLimit.completeKey());
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  @Test
  void twoInequalityPropertiesAreRejected() {
    seedForBadInput();
    Query q = Query.newBuilder("Item")
        .filter(Filter.and(Filter.gt("n", Value.of(1L)), Filter.lt("color", Value.of("z"))))
        .build();
    assertRejectedAndUnchanged(
        () -> runAll(q), BadRequestException.class, "Only one inequality filter", "n", "color");
  }

  @Test
  void aFirstSortOtherThanTheInequalityPropertyIsRejected() {
    seedForBadInput();
    Query q = Query.newBuilder("Item")
        .filter(Filter.gt("n", Value.of(1L)))
        .orderBy(SortOrder.asc("color"), SortOrder.asc("n"))
        .build();
    assertRejectedAndUnchanged(
        () -> runAll(q), BadRequestException.class, "first sort property", "color");
  }

  @Test
  void aKindlessQueryFilteringOnAPropertyIsRejected() {
    seedForBadInput();
    Query q = Query.newBuilder().filter(Filter.eq("color", "red")).build();
    assertRejectedAndUnchanged(
        () -> runAll(q), BadRequestException.class, "kind is required", "color");
  }

  @Test
  void projectingAPropertyWithAnEqualityFilterIsRejected() {
    seedForBadInput();
    Query q =
        Query.newBuilder("Item").projection("color").filter(Filter.eq("color", "red")).build();
    assertRejectedAndUnchanged(
        () -> runAll(q), BadRequestException.class, "projection", "equality", "color");
  }

  @Test
  void aBatchPutWithOneBadEntityWritesNoneOfThem() {
    seedForBadInput();
    Entity changed = ds.get(ds.newKey("Item", 1)).toBuilder().set("color", "purple").build();
    Entity fresh = Entity.newBuilder(ds.newKey("Item", 50)).set("color", "teal").build();
    Entity incomplete = Entity.newBuilder(ds.newIncompleteKey("Item")).set("color", "teal").build();
    Entity tooLong =
        Entity.newBuilder(ds.newKey("Item", 51)).set("note", "x".repeat(1_501)).build();
    Entity foreign = Entity.newBuilder(Key.of("elsewhere", "Item", 52)).build();

    assertRejectedAndUnchanged(
        () -> ds.put(List.of(fresh, changed, incomplete, tooLong, fresh)),
        LimitExceededException.class, "'note'");
    assertRejectedAndUnchanged(
        () -> ds.put(List.of(changed, fresh, foreign)), BadRequestException.class, "elsewhere");
    assertRejectedAndUnchanged(
        () -> ds.delete(List.of(ds.newKey("Item", 1), Key.of("elsewhere", "Item", 2))),
        BadRequestException.class, "elsewhere");
    assertThat(ds.get(List.of(fresh.completeKey(), ds.newKey("Item", 51)))).containsOnlyNulls();
    assertThat(runKeys(eq("Item", "color", "teal"))).isEmpty();
  }

  @Test
  void aClosedDatastoreThrowsStorageException() {
    Key key = ds.newKey("Item", 1);
    ds.put(Entity.newBuilder(key).set("n", 1).build());

    ds.close();
    ds.close();

    List<ThrowingCallable> calls = List.of(
        () -> ds.get(key),
        () -> ds.get(List.of(key)),
        () -> ds.put(Entity.newBuilder(key).build()),
        () -> ds.put(List.of(Entity.newBuilder(ds.newIncompleteKey("Item")).build())),
        () -> ds.delete(key),
        () -> ds.delete(List.of(key)),
        () -> ds.allocateIds(ds.newIncompleteKey("Item"), 1),
        () -> ds.run(Query.newBuilder("Item").build()),
        () -> ds.checkConsistency());
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(StorageException.class).hasMessageContaining("closed");
    }
  }

  // Helpers.

  /** Opens a store that is closed after the test. */
  protected final MegaliteDatastore newStore(MegaliteOptions.Builder options) {
    MegaliteDatastore store = open(options);
    stores.add(store);
    return store;
  }

  /**
   * Reopens {@code store} (closing it), or returns null when the store does not persist; the
   * result is closed after the test.
   */
  protected final MegaliteDatastore reopenStore(MegaliteDatastore store) {
    MegaliteDatastore again = reopen(store);
    if (again == null) {
      return null;
    }
    stores.add(again);
    if (store == ds) {
      ds = again;
    }
    return again;
  }

  private static Key putNew(MegaliteDatastore store, String kind) {
    return store.put(Entity.newBuilder(store.newIncompleteKey(kind)).build()).completeKey();
  }

  private void putItems(int n) {
    List<Entity> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(Entity.newBuilder(item(i)).set("n", i).build());
    }
    ds.put(items);
  }

  private Key item(long id) {
    return ds.newKey("Item", id);
  }

  private static Query eq(String kind, String property, String value) {
    return Query.newBuilder(kind).filter(Filter.eq(property, value)).build();
  }

  /** A few entities in both namespaces, for the tests that check bad input changes nothing. */
  private void seedForBadInput() {
    List<Entity> es = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      es.add(Entity.newBuilder(item(i))
          .set("color", COLORS[i % 3])
          .set("n", i)
          .set("tags", Value.of("t" + i), Value.of("shared"))
          .build());
      es.add(Entity.newBuilder(Key.of(PROJECT, "ns1", "Item", i)).set("color", "red").build());
    }
    es.add(Entity.newBuilder(item(1).child("Part", "p")).set("n", 0).build());
    ds.put(es);
  }

  /** What a store holds: every entity of the test namespaces, and its row counts. */
  private record Stored(List<Entity> entities, long entityRows, long indexRows) {}

  private Stored stored() {
    List<Entity> all = new ArrayList<>();
    for (String ns : NAMESPACES) {
      all.addAll(runAll(Query.newBuilder().namespace(ns).build()));
    }
    ConsistencyReport report = ds.checkConsistency();
    assertThat(report.problems()).isEmpty();
    return new Stored(all, report.entities(), report.indexRows());
  }

  private void assertRejectedAndUnchanged(
      ThrowingCallable call, Class<? extends Throwable> type, String... message) {
    Stored before = stored();
    assertThat(before.entities()).isNotEmpty();

    assertThatThrownBy(call).isInstanceOf(type).hasMessageContainingAll(message);

    assertThat(stored()).isEqualTo(before);
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  /** The results of one run, read to the end (or the limit). */
  record Page(List<Entity> results, MoreResults more, int skipped, Cursor cursor) {}

  Page page(Query q) {
    try (QueryResults<Entity> r = ds.run(q)) {
      List<Entity> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return new Page(out, r.moreResults(), r.skippedResults(), r.cursorAfter());
    }
  }

  List<Entity> runAll(Query q) {
    return page(q).results();
  }

  List<Key> runKeys(Query q) {
    return keys(runAll(q));
  }

  static List<Key> keys(List<Entity> entities) {
    return entities.stream().map(Entity::completeKey).toList();
  }
}
