package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;

/** One write of a commit: store an entity under a complete key, or delete a key. */
record Mutation(Key key, Entity entity) {
  static Mutation put(Entity entity) {
    return new Mutation(entity.completeKey(), entity);
  }

  static Mutation delete(Key key) {
    return new Mutation(key, null);
  }

  boolean isDelete() {
    return entity == null;
  }
}
