package dev.megalite.index.rules;

import dev.megalite.index.IndexDefinition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fewest indexes, among ones sharing a postfix, whose prefixes together cover every equality
 * property (and of which one keeps ancestors, if the query has an ancestor): a breadth-first
 * search over covered sets, so the first cover found is a smallest one. Candidates come in
 * {@link IndexDefinition} order, which makes the result deterministic.
 */
final class MergeCover {
  /** Past this many covered sets the search settles for a greedy cover. */
  private static final int MAX_STATES = 50_000;

  private MergeCover() {}

  /** The indexes to merge-join (one when a single index serves), or null if they cannot. */
  static List<IndexDefinition> find(IndexNeed need, List<IndexRules.Candidate> candidates) {
    int bits = need.prefix().size() + 1;
    BitSet target = new BitSet(bits);
    target.set(0, need.prefix().size());
    if (need.ancestor()) {
      target.set(need.prefix().size());
    }
    List<BitSet> masks = new ArrayList<>();
    for (IndexRules.Candidate c : candidates) {
      BitSet mask = new BitSet(bits);
      for (int i = 0; i < need.prefix().size(); i++) {
        if (c.prefix().contains(need.prefix().get(i))) {
          mask.set(i);
        }
      }
      if (c.index().ancestor()) {
        mask.set(need.prefix().size());
      }
      masks.add(mask);
      if (mask.equals(target)) {
        return List.of(c.index());
      }
    }

    Map<BitSet, List<Integer>> level = new LinkedHashMap<>();
    level.put(new BitSet(bits), List.of());
    Set<BitSet> seen = new HashSet<>();
    while (!level.isEmpty()) {
      Map<BitSet, List<Integer>> next = new LinkedHashMap<>();
      for (Map.Entry<BitSet, List<Integer>> e : level.entrySet()) {
        for (int i = 0; i < masks.size(); i++) {
          BitSet union = (BitSet) e.getKey().clone();
          union.or(masks.get(i));
          if (union.equals(e.getKey()) || seen.contains(union)) {
            continue;
          }
          List<Integer> path = new ArrayList<>(e.getValue());
          path.add(i);
          if (union.equals(target)) {
            return indexes(candidates, path);
          }
          seen.add(union);
          next.put(union, path);
        }
      }
      if (seen.size() > MAX_STATES) {
        return greedy(candidates, masks, target);
      }
      level = next;
    }
    return null;
  }

  private static List<IndexDefinition> greedy(
      List<IndexRules.Candidate> candidates, List<BitSet> masks, BitSet target) {
    BitSet covered = new BitSet();
    List<Integer> path = new ArrayList<>();
    while (!covered.equals(target)) {
      int best = -1;
      int gain = 0;
      for (int i = 0; i < masks.size(); i++) {
        BitSet add = (BitSet) masks.get(i).clone();
        add.andNot(covered);
        if (add.cardinality() > gain) {
          best = i;
          gain = add.cardinality();
        }
      }
      if (best < 0) {
        return null;
      }
      covered.or(masks.get(best));
      path.add(best);
    }
    return indexes(candidates, path);
  }

  private static List<IndexDefinition> indexes(
      List<IndexRules.Candidate> candidates, List<Integer> path) {
    List<IndexDefinition> out = new ArrayList<>();
    for (int i : path) {
      out.add(candidates.get(i).index());
    }
    return List.copyOf(out);
  }
}
