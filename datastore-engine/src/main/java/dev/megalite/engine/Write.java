package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.BadRequestException;

/**
 * One mutation of a Cloud Datastore–style commit: insert (fails if the key exists), update (fails
 * if it does not), upsert, or delete, optionally only if the stored entity still has
 * {@code baseVersion}. Inserts and upserts may carry an incomplete key; the commit allocates its id.
 */
public record Write(Kind kind, Entity entity, Key key, long baseVersion) {
  /** No version condition. */
  public static final long ANY_VERSION = -1;

  /** What a write does. */
  public enum Kind {
    INSERT,
    UPDATE,
    UPSERT,
    DELETE
  }

  public Write {
    if (kind == null) {
      throw new BadRequestException("a write needs a kind");
    }
    if (kind == Kind.DELETE ? key == null : entity == null || entity.key() == null) {
      throw new BadRequestException(
          kind == Kind.DELETE ? "a delete needs a key" : "an " + kind + " needs an entity with a key");
    }
    if (kind == Kind.UPDATE && !(entity.key() instanceof Key)) {
      throw new BadRequestException("an update needs a complete key: " + entity.key());
    }
    if (baseVersion < ANY_VERSION) {
      throw new BadRequestException("base version " + baseVersion + " is negative");
    }
  }

  public static Write insert(Entity entity) {
    return new Write(Kind.INSERT, entity, null, ANY_VERSION);
  }

  public static Write update(Entity entity) {
    return new Write(Kind.UPDATE, entity, null, ANY_VERSION);
  }

  public static Write upsert(Entity entity) {
    return new Write(Kind.UPSERT, entity, null, ANY_VERSION);
  }

  public static Write delete(Key key) {
    return new Write(Kind.DELETE, null, key, ANY_VERSION);
  }

  /** This write, applied only if the stored entity's version is {@code version} (0: absent). */
  public Write ifVersion(long version) {
    return new Write(kind, entity, key, version);
  }

  /** Whether the write has a version condition. */
  public boolean conditional() {
    return baseVersion != ANY_VERSION;
  }
}
