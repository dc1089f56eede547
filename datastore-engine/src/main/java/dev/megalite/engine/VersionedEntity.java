package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;

/**
 * An entity as read, with its version: the number of the commit that last wrote it. For a key with
 * no entity, {@code entity} is null and {@code version} is the version of the read's snapshot.
 */
public record VersionedEntity(Key key, Entity entity, long version) {
  public boolean found() {
    return entity != null;
  }
}
