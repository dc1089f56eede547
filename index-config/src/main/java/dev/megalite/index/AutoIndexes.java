package dev.megalite.index;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of an automatic index section, whatever the file format: what it listed before and
 * what queries needed since, de-duplicated, without the indexes declared by hand, sorted in
 * {@link IndexDefinition}'s natural order (App Engine sorts the section the same way).
 */
public final class AutoIndexes {
  private AutoIndexes() {}

  /**
   * @param manual indexes the developer declared; never repeated in the automatic section
   * @param previous indexes the automatic section already lists; kept, with a count of 0 unless
   *     {@code usage} has one
   * @param usage how many times queries needing each index ran
   * @return each automatic index with its usage count, sorted
   */
  public static SortedMap<IndexDefinition, Long> merge(
      Collection<IndexDefinition> manual,
      Collection<IndexDefinition> previous,
      Map<IndexDefinition, Long> usage) {
    TreeMap<IndexDefinition, Long> auto = new TreeMap<>();
    for (IndexDefinition d : previous) {
      auto.put(d, 0L);
    }
    usage.forEach((d, n) -> auto.merge(d, n, Long::sum));
    auto.keySet().removeAll(manual);
    return Collections.unmodifiableSortedMap(auto);
  }
}
