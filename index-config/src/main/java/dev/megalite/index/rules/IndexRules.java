package dev.megalite.index.rules;

import dev.megalite.api.query.SortOrder;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * App Engine's rules for composite indexes ({@code datastore_index.py}: {@code Normalize}, {@code
 * RemoveNativelySupportedComponents}, {@code CompositeIndexForQuery}, {@code
 * MinimalCompositeIndexForQuery}), as pure functions.
 */
public final class IndexRules {
  private static final String KEY = IndexQuery.KEY;

  private IndexRules() {}

  /** Whether {@code query} needs a composite index, and which one serves it alone. */
  public static IndexNeed need(IndexQuery query) {
    String inequality = query.inequality();
    boolean keyRange = query.keyRange();

    // A property with both equality and range filters counts as a range only.
    Set<String> equalities = new LinkedHashSet<>(query.equalities());
    equalities.remove(inequality);
    if (keyRange) {
      equalities.remove(KEY);
    }

    // Sorts on equality-filtered properties, and repeated sorts, are dropped.
    Set<String> named = new HashSet<>(equalities);
    List<SortOrder> orders = new ArrayList<>();
    for (SortOrder o : query.orders()) {
      if (named.add(o.property())) {
        orders.add(o);
      }
    }
    if (inequality != null) {
      named.add(inequality);
    }

    // Projected and distinct properties not otherwise named become "exists" components. The key
    // is in every index row, so projecting it needs nothing.
    List<String> exists = new ArrayList<>();
    List<String> projected = new ArrayList<>(query.projection());
    projected.addAll(query.distinctOn());
    for (String p : projected) {
      if (!p.equals(KEY) && named.add(p)) {
        exists.add(p);
      }
    }

    // An equality on __key__ leaves at most one result: no sort matters.
    if (equalities.contains(KEY)) {
      orders.clear();
    }
    // Keys are unique: sorts after a sort on __key__ never decide anything.
    for (int i = 0; i < orders.size(); i++) {
      if (orders.get(i).property().equals(KEY)) {
        orders.subList(i + 1, orders.size()).clear();
        break;
      }
    }

    // What every index does natively (App Engine stops here when something is projected).
    if (exists.isEmpty()) {
      boolean keyDescending = false;
      if (!orders.isEmpty() && orders.get(orders.size() - 1).property().equals(KEY)) {
        if (orders.get(orders.size() - 1).descending()) {
          keyDescending = true;
        } else {
          orders.remove(orders.size() - 1);
        }
      }
      if (!keyDescending && inequality == null) {
        equalities.remove(KEY);
        keyRange = false;
      }
    }

    String rangeProperty = inequality != null ? inequality : keyRange ? KEY : null;
    List<IndexNeed.Ordered> ordered = new ArrayList<>();
    for (SortOrder o : orders) {
      ordered.add(new IndexNeed.Ordered(o.property(), Direction.of(o.direction())));
    }
    if (rangeProperty != null && orders.isEmpty()) {
      ordered.add(new IndexNeed.Ordered(rangeProperty, null));
    }
    Set<String> distinct = new HashSet<>(query.distinctOn());
    Set<String> groupBy = new TreeSet<>();
    Set<String> unordered = new TreeSet<>();
    for (String p : exists) {
      (distinct.contains(p) ? groupBy : unordered).add(p);
    }
    List<String> prefix = new ArrayList<>(new TreeSet<>(equalities));
    int components = prefix.size() + ordered.size() + groupBy.size() + unordered.size();

    boolean onlyEqualities = rangeProperty == null && exists.isEmpty() && orders.isEmpty();
    IndexNeed.Rule rule = rule(query, onlyEqualities, prefix, ordered, components);
    return new IndexNeed(
        rule,
        query.kind(),
        query.ancestor(),
        prefix,
        ordered,
        List.copyOf(groupBy),
        List.copyOf(unordered));
  }

  /** Which of App Engine's cases a normalised query falls under. */
  private static IndexNeed.Rule rule(
      IndexQuery query,
      boolean onlyEqualities,
      List<String> prefix,
      List<IndexNeed.Ordered> ordered,
      int components) {
    if (query.kind() == null) {
      return IndexNeed.Rule.KINDLESS;
    }
    if (onlyEqualities) {
      if (!prefix.isEmpty()) {
        return IndexNeed.Rule.EQUALITY_MERGE_JOIN;
      }
      return query.ancestor() ? IndexNeed.Rule.ANCESTOR_ONLY : IndexNeed.Rule.KIND_ONLY;
    }
    if (!query.ancestor() && components <= 1) {
      IndexNeed.Ordered only = ordered.isEmpty() ? null : ordered.get(0);
      boolean keyDescending =
          only != null && only.name().equals(KEY) && only.direction() == Direction.DESC;
      return keyDescending ? IndexNeed.Rule.KEY_DESCENDING : IndexNeed.Rule.SINGLE_PROPERTY;
    }
    if (query.ancestor()) {
      return IndexNeed.Rule.ANCESTOR_WITH_INEQUALITY_OR_SORT;
    }
    return prefix.isEmpty()
        ? IndexNeed.Rule.SEVERAL_PROPERTIES
        : IndexNeed.Rule.EQUALITY_WITH_OTHER_PROPERTY;
  }

  /**
   * Which of {@code existing} to scan for {@code query}: none when it needs no composite index;
   * else the fewest indexes that serve it (one, or several merge-joined on the same postfix);
   * else none, with the index to add. Ties go to fewer properties in total, then to the indexes
   * first in {@link IndexDefinition}'s order.
   */
  public static IndexSelection select(IndexQuery query, Collection<IndexDefinition> existing) {
    IndexNeed need = need(query);
    if (!need.required()) {
      return new IndexSelection(need, List.of(), Optional.empty());
    }
    Map<List<IndexProperty>, List<Candidate>> byPostfix = candidates(need, existing);
    List<IndexDefinition> best = null;
    for (List<Candidate> group : byPostfix.values()) {
      List<IndexDefinition> cover = MergeCover.find(need, group);
      if (cover != null && (best == null || better(cover, best))) {
        best = cover;
      }
    }
    if (best != null) {
      return new IndexSelection(need, best, Optional.empty());
    }
    return new IndexSelection(need, List.of(), Optional.of(indexToAdd(need, byPostfix)));
  }

  /** An existing index that could take part, and the equality properties its prefix covers. */
  record Candidate(IndexDefinition index, Set<String> prefix) {}

  /**
   * The indexes whose suffix matches the postfix and whose other properties are all equality
   * properties, grouped by that suffix (only indexes with the same suffix merge). An ancestor
   * index cannot serve a query without an ancestor.
   */
  private static Map<List<IndexProperty>, List<Candidate>> candidates(
      IndexNeed need, Collection<IndexDefinition> existing) {
    Map<List<IndexProperty>, List<Candidate>> byPostfix = new LinkedHashMap<>();
    Set<String> prefix = new HashSet<>(need.prefix());
    for (IndexDefinition index : new TreeSet<>(existing)) {
      if (!index.kind().equals(need.kind()) || (index.ancestor() && !need.ancestor())) {
        continue;
      }
      List<IndexProperty> rest = need.remainingAfterPostfix(index);
      if (rest == null) {
        continue;
      }
      Set<String> names = new HashSet<>();
      rest.forEach(p -> names.add(p.name()));
      if (!prefix.containsAll(names)) {
        continue;
      }
      List<IndexProperty> postfix = index.properties().subList(rest.size(), index.properties().size());
      byPostfix.computeIfAbsent(List.copyOf(postfix), k -> new ArrayList<>())
          .add(new Candidate(index, names));
    }
    return byPostfix;
  }

  private static boolean better(List<IndexDefinition> a, List<IndexDefinition> b) {
    if (a.size() != b.size()) {
      return a.size() < b.size();
    }
    int pa = a.stream().mapToInt(d -> d.properties().size()).sum();
    int pb = b.stream().mapToInt(d -> d.properties().size()).sum();
    if (pa != pb) {
      return pa < pb;
    }
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  /**
   * App Engine's suggestion when nothing serves: for each postfix some existing indexes share,
   * what they leave uncovered (equality properties, and the ancestor if none of them keeps it);
   * the cheapest leftover (one per property, two for the ancestor) plus that postfix. Without any
   * partial match, the minimal index.
   */
  private static IndexDefinition indexToAdd(
      IndexNeed need, Map<List<IndexProperty>, List<Candidate>> byPostfix) {
    IndexDefinition suggestion = need.minimalIndex().orElseThrow();
    int bestCost = Integer.MAX_VALUE;
    for (Map.Entry<List<IndexProperty>, List<Candidate>> e : byPostfix.entrySet()) {
      Set<String> left = new TreeSet<>(need.prefix());
      boolean ancestorLeft = need.ancestor();
      for (Candidate c : e.getValue()) {
        left.removeAll(c.prefix());
        ancestorLeft &= !c.index().ancestor();
      }
      if (left.size() == need.prefix().size() && ancestorLeft == need.ancestor()) {
        continue;
      }
      int cost = left.size() + (ancestorLeft ? 2 : 0);
      if (cost < bestCost) {
        bestCost = cost;
        IndexDefinition.Builder b = IndexDefinition.newBuilder(need.kind()).ancestor(ancestorLeft);
        left.forEach(b::asc);
        e.getKey().forEach(b::property);
        suggestion = b.build();
      }
    }
    return suggestion;
  }
}
