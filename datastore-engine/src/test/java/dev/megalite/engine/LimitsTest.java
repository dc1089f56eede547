package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.Value;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each limit at its boundary: exactly at the limit passes, one over fails and writes nothing. */
class LimitsTest {

  private static MegaliteDatastore open(Limits limits) {
    return Megalite.open(MegaliteOptions.newBuilder().limits(limits).build());
  }

  private static List<Entity> items(MegaliteDatastore ds, int n, int from) {
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Entity.newBuilder(ds.newKey("Item", from + i)).set("n", i).build());
    }
    return out;
  }

  private static long count(MegaliteDatastore ds) {
    long n = 0;
    try (QueryResults<Entity> r = ds.run(Query.newBuilder("Item").keysOnly().build())) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  private static void rejected(MegaliteDatastore ds, Executable call, String limit, long allowed,
      long actual) {
    long before = count(ds);
    assertThatThrownBy(call::execute)
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining(limit)
        .hasMessageContaining(String.format("is %,d; the limit is %,d", actual, allowed));
    assertThat(count(ds)).isEqualTo(before);
    assertThat(ds.checkConsistency().isClean()).isTrue();
  }

  @Test
  void appEngineProfileAllows500EntitiesPerPutAndRefuses501() {
    try (MegaliteDatastore ds = open(Limits.appEngine())) {
      ds.put(items(ds, 500, 1));
      rejected(ds, () -> ds.put(items(ds, 501, 1000)), "entities per batch put", 500, 501);
      assertThat(count(ds)).isEqualTo(500);
    }
  }

  @Test
  void batchGetAndDeleteSizesAreLimited() {
    try (MegaliteDatastore ds = open(Limits.appEngine())) {
      List<Key> keys = new ArrayList<>();
      for (int i = 1; i <= 1001; i++) {
        keys.add(ds.newKey("Item", i));
      }
      assertThat(ds.get(keys.subList(0, 1000))).hasSize(1000);
      rejected(ds, () -> ds.get(keys), "keys per batch get", 1000, 1001);
      ds.put(items(ds, 10, 1));
      ds.delete(keys.subList(0, 500));
      assertThat(count(ds)).isZero();
      ds.put(items(ds, 10, 1));
      rejected(ds, () -> ds.delete(keys.subList(0, 501)), "keys per batch delete", 500, 501);
    }
  }

  @Test
  void entitySizeIsCheckedOnTheEncodedEntity() {
    try (MegaliteDatastore ds = open(Limits.appEngine().toBuilder().maxEntityBytes(1_000).build())) {
      int payload = 0;
      while (encodedSize(blob(ds, 2, payload + 1)) <= 1_000) {
        payload++;
      }
      assertThat(encodedSize(blob(ds, 2, payload))).isEqualTo(1_000);
      ds.put(blob(ds, 2, payload));
      int over = payload + 1;
      rejected(ds, () -> ds.put(blob(ds, 3, over)), "encoded entity size in bytes", 1_000, 1_001);
    }
  }

  private static Entity blob(MegaliteDatastore ds, long id, int bytes) {
    return Entity.newBuilder(ds.newKey("Item", id)).set("b", Value.of(new byte[bytes]).unindexed())
        .build();
  }

  private static int encodedSize(Entity e) {
    return dev.megalite.engine.codec.EntityCodec.encode(e, 0, new dev.megalite.engine.codec.ByteSink())
        .length;
  }

  @Test
  void indexEntriesPerEntityCountEveryIndexedValue() {
    try (MegaliteDatastore ds = open(Limits.appEngine())) {
      List<Value> values = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        values.add(Value.of(i));
      }
      ds.put(Entity.newBuilder(ds.newKey("Item", 1)).set("v", Value.list(values)).build());
      values.add(Value.of(1000));
      rejected(ds, () -> ds.put(Entity.newBuilder(ds.newKey("Item", 2))
          .set("v", Value.list(values)).build()), "index entries per entity", 1000, 1001);
      values.set(1000, Value.of(1000).unindexed());
      ds.put(Entity.newBuilder(ds.newKey("Item", 3)).set("v", Value.list(values)).build());
    }
  }

  @Test
  void theCloudProfileAllowsTwentyThousandIndexEntriesAndAnyOffset() {
    try (MegaliteDatastore ds = open(Limits.cloud())) {
      List<Value> values = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        values.add(Value.of(i));
      }
      ds.put(Entity.newBuilder(ds.newKey("Item", 1)).set("v", Value.list(values)).build());
      ds.run(Query.newBuilder("Item").offset(5000).build()).close();
    }
  }

  @Test
  void queryOffsetFiltersAndInValuesAreLimited() {
    try (MegaliteDatastore ds = open(Limits.appEngine())) {
      ds.run(Query.newBuilder("Item").offset(1000).build()).close();
      rejected(ds, () -> ds.run(Query.newBuilder("Item").offset(1001).build()), "query offset",
          1000, 1001);

      Value[] thirty = new Value[30];
      for (int i = 0; i < 30; i++) {
        thirty[i] = Value.of(i);
      }
      ds.run(Query.newBuilder("Item").filter(Filter.in("n", thirty)).build()).close();
      Value[] more = java.util.Arrays.copyOf(thirty, 31);
      more[30] = Value.of(30);
      rejected(ds, () -> ds.run(Query.newBuilder("Item").filter(Filter.in("n", more)).build()),
          "values in IN", 30, 31);

      List<Filter> eqs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        eqs.add(Filter.eq("p" + i, i));
      }
      Query hundred = Query.newBuilder("Item")
          .filter(Filter.and(eqs.toArray(new Filter[0]))).build();
      ds.run(hundred).close();
      Query tooMany = hundred.toBuilder().orderBy(SortOrder.asc("__key__")).build();
      rejected(ds, () -> ds.run(tooMany), "filters and sort orders", 100, 101);
    }
  }

  @Test
  void indexedStringsHaveTheirByteLimit() {
    try (MegaliteDatastore ds = open(Limits.appEngine().toBuilder().maxIndexedStringBytes(10)
        .build())) {
      ds.put(Entity.newBuilder(ds.newKey("Item", 1)).set("s", "0123456789").build());
      rejected(ds, () -> ds.put(Entity.newBuilder(ds.newKey("Item", 2)).set("s", "01234567890")
          .build()), "indexed string or bytes value", 10, 11);
      ds.put(Entity.newBuilder(ds.newKey("Item", 3)).set("s", Value.of("01234567890").unindexed())
          .build());
    }
  }

  @Test
  void keysHaveTheirByteLimit() {
    Key fits = Key.of(MegaliteOptions.DEFAULT_PROJECT, "Item", "x".repeat(60));
    int size = dev.megalite.engine.codec.RowKeys.entity(fits).length;
    try (MegaliteDatastore ds = open(Limits.appEngine().toBuilder().maxKeyBytes(size).build())) {
      ds.put(Entity.newBuilder(fits).build());
      rejected(ds, () -> ds.put(Entity.newBuilder(ds.newKey("Item", "x".repeat(61))).build()),
          "key size in bytes", size, size + 1);
    }
  }

  @Test
  void crossGroupTransactionsAreLimitedByTheProfile() {
    try (MegaliteDatastore ds = open(Limits.appEngine().toBuilder()
        .maxEntityGroupsPerTransaction(3).build())) {
      TransactionOptions xg = TransactionOptions.newBuilder().crossGroup(true).build();
      ds.runInTransaction(xg, txn -> {
        for (int i = 1; i <= 3; i++) {
          txn.put(Entity.newBuilder(ds.newKey("Item", i)).build());
        }
        return null;
      });
      rejected(ds, () -> ds.runInTransaction(xg, txn -> {
        for (int i = 11; i <= 14; i++) {
          txn.put(Entity.newBuilder(ds.newKey("Item", i)).build());
        }
        return null;
      }), "entity groups per cross-group transaction", 3, 4);
    }
  }

  @Test
  void compositeIndexesAreCounted() {
    try (MegaliteDatastore ds = open(Limits.appEngine().toBuilder().maxCompositeIndexes(1).build())) {
      ds.put(items(ds, 3, 1));
      ds.run(Query.newBuilder("Item").filter(Filter.eq("n", 1)).orderBy(SortOrder.desc("x"))
          .build()).close();
      rejected(ds, () -> ds.run(Query.newBuilder("Item").filter(Filter.eq("n", 1))
          .orderBy(SortOrder.desc("y")).build()).close(), "composite indexes", 1, 2);
    }
  }
}
