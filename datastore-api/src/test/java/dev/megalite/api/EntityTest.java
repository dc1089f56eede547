package dev.megalite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.megalite.api.error.BadRequestException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntityTest {

  private static final Key KEY = Key.of("s~myapp", "Person", 1);

  @Nested
  class Immutability {

    @Test
    void changingTheBuilderAfterBuildDoesNotChangeTheBuiltEntity() {
      Entity.Builder builder = Entity.newBuilder(KEY).set("name", "alice").set("age", 30L);
      Entity built = builder.build();

      builder.set("name", "bob").remove("age").set("extra", true).key(Key.of("s~myapp", "P", 2));

      assertThat(built.key()).isEqualTo(KEY);
      assertThat(built.names()).containsExactly("name", "age");
      assertThat(built.getString("name")).isEqualTo("alice");
      assertThat(built.getLong("age")).isEqualTo(30);
    }

    @Test
    void eachBuildKeepsWhatTheBuilderHeldThenWhenTheBuilderIsChangedAgainOrCleared() {
      Entity.Builder builder = Entity.newBuilder(KEY).set("a", 1L);
      Entity first = builder.build();
      Entity again = builder.build();
      Entity second = builder.remove("a").set("b", 2L).build();
      Entity third = builder.clear().build();
      builder.set("c", 3L);

      assertThat(first.names()).containsExactly("a");
      assertThat(again).isEqualTo(first);
      assertThat(second.names()).containsExactly("b");
      assertThat(third.names()).isEmpty();
    }

    @Test
    void changingAToBuilderDoesNotChangeTheOriginal() {
      Entity original = Entity.newBuilder(KEY).set("name", "alice").build();

      Entity changed = original.toBuilder().set("name", "bob").set("age", 3L).build();

      assertThat(original.getString("name")).isEqualTo("alice");
      assertThat(original.contains("age")).isFalse();
      assertThat(changed.getString("name")).isEqualTo("bob");
      assertThat(changed.key()).isEqualTo(KEY);
    }

    @Test
    void toBuilderWithoutChangesBuildsAnEqualEntity() {
      Entity original =
          Entity.newBuilder(KEY).set("a", 1L).set("b", "x").setNull("c").build();

      assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    }

    @Test
    void propertiesAreUnmodifiable() {
      Entity entity = Entity.newBuilder(KEY).set("a", 1L).build();

      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> entity.properties().put("b", Value.of(2L)));
      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> entity.properties().remove("a"));
      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> entity.names().clear());
      assertThat(entity.properties()).containsOnlyKeys("a");
    }

    @Test
    void propertiesKeepTheOrderTheyWereSetIn() {
      Entity entity =
          Entity.newBuilder(KEY).set("z", 1L).set("a", 2L).set("m", 3L).set("z", 4L).build();

      assertThat(entity.names()).containsExactly("z", "a", "m");
      assertThat(entity.getLong("z")).isEqualTo(4);
    }

    @Test
    void clearRemovesEveryProperty() {
      Entity entity = Entity.newBuilder(KEY).set("a", 1L).set("b", 2L).build();

      assertThat(entity.toBuilder().clear().build().properties()).isEmpty();
    }

    @Test
    void withKeyReturnsACopyWithTheNewKeyAndTheSameProperties() {
      Entity entity = Entity.newBuilder(KEY.newChild("Pet")).set("a", 1L).build();
      Key complete = KEY.child("Pet", 9);

      Entity keyed = entity.withKey(complete);

      assertThat(keyed.completeKey()).isEqualTo(complete);
      assertThat(keyed.properties()).isEqualTo(entity.properties());
      assertThat(entity.key()).isInstanceOf(IncompleteKey.class);
    }
  }

  @Nested
  class Keys {

    @Test
    void completeKeyFailsForAnIncompleteOrMissingKey() {
      Entity incomplete = Entity.newBuilder(IncompleteKey.of("s~myapp", "Person")).build();
      Entity embedded = Entity.newEmbeddedBuilder().build();

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(incomplete::completeKey)
          .withMessageContaining("not complete");
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(embedded::completeKey);
      assertThat(embedded.key()).isNull();
    }

    @Test
    void newBuilderRejectsANullKey() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Entity.newBuilder(null))
          .withMessageContaining("newEmbeddedBuilder");
    }

    @Test
    void entitiesWithDifferentKeysAreNotEqual() {
      Entity a = Entity.newBuilder(KEY).set("a", 1L).build();

      assertThat(a).isNotEqualTo(a.withKey(Key.of("s~myapp", "Person", 2)));
      assertThat(a).isNotEqualTo(a.withKey(null));
    }
  }

  @Nested
  class TypedGetters {

    private final Key ref = Key.of("s~myapp", "Ref", "r");
    private final Instant when = Instant.parse("2024-01-02T03:04:05.678901Z");
    private final Entity entity =
        Entity.newBuilder(KEY)
            .set("long", 7L)
            .set("double", 2.5)
            .set("bool", true)
            .set("string", "s")
            .set("key", ref)
            .set("time", when)
            .set("list", Value.of(1L), Value.of("two"))
            .set("nothing", (String) null)
            .build();

    @Test
    void gettersReturnTheStoredValues() {
      assertThat(entity.getLong("long")).isEqualTo(7);
      assertThat(entity.getDouble("double")).isEqualTo(2.5);
      assertThat(entity.getBoolean("bool")).isTrue();
      assertThat(entity.getString("string")).isEqualTo("s");
      assertThat(entity.getKey("key")).isEqualTo(ref);
      assertThat(entity.getTimestamp("time")).isEqualTo(when);
      assertThat(entity.getList("list")).containsExactly(Value.of(1L), Value.of("two"));
      assertThat(entity.get("nothing")).isEqualTo(Value.ofNull());
    }

    @Test
    void getReturnsNullForAMissingPropertyButTypedGettersFail() {
      assertThat(entity.get("missing")).isNull();
      assertThat(entity.contains("missing")).isFalse();
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getLong("missing"))
          .withMessageContaining("no property 'missing'");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getString("missing"))
          .withMessageContaining("no property 'missing'");
    }

    @Test
    void typedGetterOnAnotherTypeFailsNamingBothTypes() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getLong("string"))
          .withMessageContaining("'string'")
          .withMessageContaining("STRING")
          .withMessageContaining("IntegerValue");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getDouble("long"))
          .withMessageContaining("INTEGER");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getString("nothing"))
          .withMessageContaining("NULL");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getTimestamp("long"));
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> entity.getKey("list"));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getList("long"));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> entity.getBoolean("double"));
    }

    @Test
    void nullConvenienceValuesAreStoredAsTheNullValue() {
      Entity e =
          Entity.newBuilder(KEY).set("k", (Key) null).set("t", (Instant) null).setNull("n").build();

      assertThat(e.properties().values()).containsOnly(Value.ofNull());
    }
  }

  @Nested
  class MultiValued {

    @Test
    void setWithSeveralValuesStoresAListInOrder() {
      Entity e =
          Entity.newBuilder(KEY).set("tags", Value.of("a"), Value.of("b"), Value.of("c")).build();

      assertThat(e.get("tags")).isInstanceOf(ListValue.class);
      assertThat(e.getList("tags")).containsExactly(Value.of("a"), Value.of("b"), Value.of("c"));
    }

    @Test
    void setWithOneValueAndNoMoreStoresAOneElementList() {
      Entity e = Entity.newBuilder(KEY).set("tags", Value.of("a"), new Value[0]).build();

      assertThat(e.getList("tags")).containsExactly(Value.of("a"));
    }

    @Test
    void setWithASingleValueStoresItWithoutAList() {
      Entity e = Entity.newBuilder(KEY).set("tag", Value.of("a")).build();

      assertThat(e.get("tag")).isEqualTo(Value.of("a"));
    }

    @Test
    void multiValuedSetRejectsNestedLists() {
      Entity.Builder builder = Entity.newBuilder(KEY);

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> builder.set("tags", Value.of("a"), Value.list(Value.of("b"))))
          .withMessageContaining("lists do not nest");
    }
    @Test
    void multiValuedSetWithANullElementIsABadRequest() {
      Entity.Builder builder = Entity.newBuilder(KEY);

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> builder.set("tags", Value.of("a"), (Value) null))
          .withMessageContaining("Value.ofNull()");
    }
  }

  @Nested
  class PropertyNames {

    @Test
    void emptyOrNullNameIsRejected() {
      Entity.Builder builder = Entity.newBuilder(KEY);

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> builder.set("", 1L))
          .withMessageContaining("property name is empty");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> builder.set(null, 1L))
          .withMessageContaining("property name is empty");
    }

    @Test
    void reservedNameIsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Entity.newBuilder(KEY).set("__key__", 1L))
          .withMessageContaining("property name '__key__' is reserved");
    }

    @Test
    void nameOfFifteenHundredBytesIsAllowedAndOneMoreIsRejected() {
      String longest = "p".repeat(1500);
      String tooLong = "\u00e9".repeat(750) + "p";

      assertThat(Entity.newBuilder(KEY).set(longest, 1L).build().contains(longest)).isTrue();
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Entity.newBuilder(KEY).set(tooLong, 1L))
          .withMessageContaining("property name")
          .withMessageContaining("1,501")
          .withMessageContaining("1,500");
    }

    @Test
    void nullValueIsRejectedWithAHintToUseTheNullValue() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Entity.newBuilder(KEY).set("a", (Value) null))
          .withMessageContaining("Value.ofNull()");
    }
  }

  @Test
  void embeddedEntityIsAValueOfAnotherEntity() {
    Entity address = Entity.newEmbeddedBuilder().set("city", "Oslo").build();

    Entity person = Entity.newBuilder(KEY).set("address", Value.of(address)).build();

    EntityValue value = (EntityValue) person.get("address");
    assertThat(value.value().getString("city")).isEqualTo("Oslo");
    assertThat(person.properties()).isEqualTo(Map.of("address", Value.of(address)));
  }
}
