package dev.megalite.index.rules;

import dev.megalite.index.IndexDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Which existing composite indexes answer a query.
 *
 * @param need what the query needs
 * @param indexes the composite indexes to scan: empty when the query needs none or none serve;
 *     one index; or several that serve it together by merge join (each scanned for its share of
 *     the equality properties, all in the same postfix order)
 * @param indexToAdd when the query needs a composite index and none serve: the smallest index
 *     that, with the existing ones, would (App Engine's {@code MinimalCompositeIndexForQuery}, the
 *     index its need-index error suggests); otherwise empty
 */
public record IndexSelection(
    IndexNeed need, List<IndexDefinition> indexes, Optional<IndexDefinition> indexToAdd) {

  public IndexSelection {
    indexes = List.copyOf(indexes);
  }

  /** Whether the query can run: it needs no composite index, or existing ones serve it. */
  public boolean served() {
    return !need.required() || !indexes.isEmpty();
  }

  /** Whether the chosen indexes are merge-joined. */
  public boolean mergeJoin() {
    return indexes.size() > 1;
  }

  @Override
  public String toString() {
    if (!need.required()) {
      return "built-in: " + need.rule().reason();
    }
    if (indexes.isEmpty()) {
      return "needs " + indexToAdd.map(IndexDefinition::toString).orElse("?") + ": "
          + need.rule().reason();
    }
    return (mergeJoin() ? "merge join of " : "composite ") + indexes;
  }
}
