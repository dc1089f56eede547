package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmptyListsTest {
  private static final Key KEY = Key.of("p", "K", 1);

  @Test
  void emptyListsBecomeNullAtEveryDepthIncludingEmbeddedEntitiesInsideLists() {
    Entity inner = Entity.newEmbeddedBuilder().set("z", Value.list()).set("y", 1).build();
    Entity e = Entity.newBuilder(KEY)
        .set("top", Value.list())
        .set("one", Value.of(inner))
        .set("many", Value.list(Value.of(inner), Value.of(2)))
        .build();

    Entity fixed = EmptyLists.asNulls(List.of(e)).get(0);

    Entity innerFixed = Entity.newEmbeddedBuilder().setNull("z").set("y", 1).build();
    assertThat(fixed.get("top")).isEqualTo(Value.ofNull());
    assertThat(fixed.get("one")).isEqualTo(Value.of(innerFixed));
    assertThat(fixed.get("many")).isEqualTo(Value.list(Value.of(innerFixed), Value.of(2)));
  }

  @Test
  void entitiesWithoutEmptyListsAreReturnedAsTheyAre() {
    List<Entity> es = List.of(Entity.newBuilder(KEY).set("a", Value.list(Value.of(1))).build());

    assertThat(EmptyLists.asNulls(es)).isSameAs(es);
  }
}
