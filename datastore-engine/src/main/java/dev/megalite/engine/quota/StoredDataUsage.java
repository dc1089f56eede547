package dev.megalite.engine.quota;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data one project stores: entity rows and index rows (built-in and composite), in bytes of
 * key plus value, with the number of entities, per kind. Exact: kept in the same atomic batch as
 * the rows it counts.
 *
 * @param totalBytes {@code entityBytes + indexBytes}
 * @param entityBytes bytes of the entity rows
 * @param indexBytes bytes of the index rows
 * @param entities how many entities are stored
 * @param limitBytes the configured limit, or {@link QuotaUsage#UNLIMITED}
 * @param kinds per kind, sorted by name; kinds with nothing stored are left out
 */
public record StoredDataUsage(
    long totalBytes,
    long entityBytes,
    long indexBytes,
    long entities,
    long limitBytes,
    Map<String, KindUsage> kinds) {

  public StoredDataUsage {
    kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
  }

  /** The figures of {@code kinds}, totalled, with {@code limitBytes}. */
  public static StoredDataUsage of(Map<String, KindUsage> kinds, long limitBytes) {
    long entityBytes = 0;
    long indexBytes = 0;
    long entities = 0;
    Map<String, KindUsage> nonEmpty = new TreeMap<>();
    for (Map.Entry<String, KindUsage> e : kinds.entrySet()) {
      KindUsage k = e.getValue();
      if (k.entities() != 0 || k.entityBytes() != 0 || k.indexBytes() != 0) {
        nonEmpty.put(e.getKey(), k);
        entityBytes += k.entityBytes();
        indexBytes += k.indexBytes();
        entities += k.entities();
      }
    }
    return new StoredDataUsage(
        entityBytes + indexBytes, entityBytes, indexBytes, entities, limitBytes, nonEmpty);
  }

  /**
   * One kind's share.
   *
   * @param entities how many entities of the kind are stored
   * @param entityBytes bytes of their entity rows
   * @param indexBytes bytes of their index rows: kind index, property index and composite rows
   */
  public record KindUsage(long entities, long entityBytes, long indexBytes) {}
}
