package dev.megalite.engine.codec;

/**
 * Every keyspace of the store, with the stable one-byte prefix that starts each of its keys. The
 * prefixes are part of the on-disk format: never renumber one.
 */
public enum Keyspace {
  /** Entity rows: project, namespace, key path; the value is the encoded entity. */
  ENTITY(0x10),
  /** Kind index: project, namespace, kind, key path; the value is empty. */
  KIND_INDEX(0x20),
  /**
   * Single-property index: project, namespace, kind, property, value, key path. Ascending order;
   * descending scans read it backwards (see the package documentation).
   */
  PROPERTY_INDEX(0x30),
  /**
   * Composite index rows: project, index id, namespace, [ancestor path], values (inverted for
   * descending components)…, key path.
   */
  COMPOSITE_INDEX(0x40),
  /** Entity-group versions: project, namespace, root path; the value is the commit sequence. */
  ENTITY_GROUP(0x50),
  /** Id allocators: project, policy; the value is the high-water mark handed out. */
  ID_ALLOCATOR(0x60),
  /** Store metadata: a name; format version, last commit sequence, index definitions. */
  METADATA(0x70),
  /**
   * Quota accounting: project, then the stored-data base ({@code "base"}), its per-commit deltas
   * ({@code "delta"} + 8-byte delta id) and the saved daily counts ({@code "daily"}).
   */
  STATS(0x80);

  private final byte prefix;

  Keyspace(int prefix) {
    this.prefix = (byte) prefix;
  }

  public byte prefix() {
    return prefix;
  }

  /** The keyspace whose prefix is {@code b}, or null. */
  public static Keyspace of(byte b) {
    for (Keyspace k : values()) {
      if (k.prefix == b) {
        return k;
      }
    }
    return null;
  }
}
