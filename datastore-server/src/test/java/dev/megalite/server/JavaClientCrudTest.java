package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.cloud.Timestamp;
import com.google.cloud.datastore.Blob;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreException;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.EntityValue;
import com.google.cloud.datastore.FullEntity;
import com.google.cloud.datastore.IncompleteKey;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.KeyFactory;
import com.google.cloud.datastore.LatLng;
import com.google.cloud.datastore.ListValue;
import com.google.cloud.datastore.StringValue;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Java client (HTTP transport) writing and reading entities through the server. */
class JavaClientCrudTest extends SharedServerTest {
  KeyFactory keys;

  @BeforeEach
  void keys() {
    keys = ds.newKeyFactory().setKind("Employee");
  }

  @Test
  void anEntityPutIsReadBackWithEveryValueType() {
    Key key = keys.newKey("ada");
    FullEntity<IncompleteKey> address = FullEntity.newBuilder()
        .set("city", "London").set("zip", 12345).build();
    Entity e = Entity.newBuilder(key)
        .set("name", "Ada")
        .set("age", 36)
        .set("salary", 1234.5)
        .set("manager", true)
        .set("born", Timestamp.ofTimeMicroseconds(-4_765_132_800_000_000L))
        .set("photo", Blob.copyFrom(new byte[] {1, 2, 3}))
        .set("home", LatLng.of(51.5, -0.12))
        .set("boss", keys.newKey(42))
        .set("skills", "math", "engines")
        .set("address", EntityValue.of(address))
        .set("bio", StringValue.newBuilder("long text").setExcludeFromIndexes(true).build())
        .setNull("nickname")
        .build();
    ds.put(e);
    Entity back = ds.get(key);
    assertThat(back).isEqualTo(e);
    assertThat(back.getValue("bio").excludeFromIndexes()).isTrue();
  }

  @Test
  void anIncompleteKeyGetsAScatteredIdOnPut() {
    Entity e = ds.add(FullEntity.newBuilder(keys.newKey()).set("name", "Grace").build());
    assertThat(e.getKey().getId()).isGreaterThan(1L << 52);
    assertThat(ds.get(e.getKey()).getString("name")).isEqualTo("Grace");
  }

  @Test
  void aBatchGetReturnsFoundEntitiesAndSkipsMissingOnes() {
    Key a = keys.newKey("batch-a");
    Key b = keys.newKey("batch-b");
    ds.put(Entity.newBuilder(a).set("n", 1).build(), Entity.newBuilder(b).set("n", 2).build());
    List<Entity> got = ds.fetch(a, keys.newKey("batch-missing"), b);
    assertThat(got.get(0).getLong("n")).isEqualTo(1);
    assertThat(got.get(1)).isNull();
    assertThat(got.get(2).getLong("n")).isEqualTo(2);
  }

  @Test
  void addOfAnExistingKeyFailsWithAlreadyExists() {
    Key key = keys.newKey("twice");
    ds.add(Entity.newBuilder(key).set("n", 1).build());
    DatastoreException e = catchThrowableOfType(DatastoreException.class,
        () -> ds.add(Entity.newBuilder(key).set("n", 2).build()));
    assertThat(e.getReason()).isEqualTo("ALREADY_EXISTS");
    assertThat(e.getCode()).isEqualTo(io.grpc.Status.Code.ALREADY_EXISTS.value());
    assertThat(ds.get(key).getLong("n")).isEqualTo(1);
  }

  @Test
  void updateOfAMissingKeyFailsWithNotFound() {
    DatastoreException e = catchThrowableOfType(DatastoreException.class,
        () -> ds.update(Entity.newBuilder(keys.newKey("nobody")).set("n", 2).build()));
    assertThat(e.getReason()).isEqualTo("NOT_FOUND");
  }

  @Test
  void deleteRemovesTheEntity() {
    Key key = keys.newKey("gone");
    ds.put(Entity.newBuilder(key).set("n", 1).build());
    ds.delete(key);
    assertThat(ds.get(key)).isNull();
  }

  @Test
  void namespacesAndProjectsAreSeparate() {
    Datastore other = fixture.client("test-project", "tenant-a");
    Datastore project2 = fixture.client("other-project", null);
    Key inNs = other.newKeyFactory().setKind("Employee").newKey("same");
    other.put(Entity.newBuilder(inNs).set("where", "ns").build());
    Key inP2 = project2.newKeyFactory().setKind("Employee").newKey("same");
    project2.put(Entity.newBuilder(inP2).set("where", "p2").build());
    assertThat(ds.get(keys.newKey("same"))).isNull();
    assertThat(other.get(inNs).getString("where")).isEqualTo("ns");
    assertThat(project2.get(inP2).getString("where")).isEqualTo("p2");
    assertThat(inNs.getNamespace()).isEqualTo("tenant-a");
  }

  @Test
  void allocatedIdsAreDistinctAndReservedOnesAreNeverAllocated() {
    IncompleteKey ik = keys.newKey();
    List<Key> ids = ds.allocateId(ik, ik, ik);
    assertThat(ids).extracting(Key::getId).doesNotHaveDuplicates();
    Key reserved = keys.newKey(7);
    ds.reserveIds(reserved);
    assertThat(ds.allocateId(ik).getId()).isNotEqualTo(7L);
  }

  @Test
  void aBadKeyIsAnInvalidArgumentNamingTheProblem() {
    assertThatThrownBy(() -> ds.put(Entity.newBuilder(keys.newKey("__reserved__")).build()))
        .isInstanceOf(DatastoreException.class)
        .hasMessageContaining("__reserved__");
  }

  @Test
  void listValuesKeepTheirOrderAndIndexedFlags() {
    Key key = keys.newKey("lists");
    ds.put(Entity.newBuilder(key)
        .set("tags", ListValue.of(StringValue.of("b"), StringValue.of("a"), StringValue.of("b")))
        .build());
    List<Object> tags = ds.get(key).getList("tags").stream()
        .map(v -> (Object) v.get()).toList();
    assertThat(tags).containsExactly("b", "a", "b");
  }
}
