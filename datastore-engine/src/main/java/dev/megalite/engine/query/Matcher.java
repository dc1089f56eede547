package dev.megalite.engine.query;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexedValues;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates a branch against a loaded entity, through the same indexed view of the entity the
 * index rows are made from. Used where the index alone cannot decide: which row of a multi-valued
 * entity is its first in scan order, equalities on the range property, and duplicates across the
 * branches of a union.
 */
final class Matcher {
  private Matcher() {}

  /**
   * The entity's sort value for {@code property} among its values in {@code range}: the smallest
   * encoding ascending, the largest descending; null when no value is in range.
   */
  static byte[] sortValue(Entity e, String property, ValueRange range, boolean descending) {
    byte[] best = null;
    for (Value v : IndexedValues.of(e, property)) {
      byte[] enc = RowKeys.value(v);
      if (range.contains(enc)
          && (best == null || (descending ? Bytes.compare(enc, best) > 0 : Bytes.compare(enc, best) < 0))) {
        best = enc;
      }
    }
    return best;
  }

  /** Whether the entity has every equality value of {@code eqs}. */
  static boolean hasAll(Entity e, List<EqFilter> eqs) {
    for (EqFilter eq : eqs) {
      boolean found = false;
      for (Value v : IndexedValues.of(e, eq.property())) {
        if (Arrays.equals(RowKeys.value(v), eq.encoded())) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The position of the entity in {@code branch}'s results (with its constant prefix), or null
   * when the branch does not match it.
   */
  static byte[] position(
      NormalizedQuery nq, Entity e, Key key, byte[] path, Branch branch, Plan plan, byte[] prefix) {
    if (nq.kind() != null && !nq.kind().equals(key.kind())) {
      return null;
    }
    if (nq.ancestor() != null && !nq.ancestor().isAncestorOf(key)) {
      return null;
    }
    if (!branch.keys().contains(path, 0, path.length)) {
      return null;
    }
    if (!hasAll(e, branch.equalities())) {
      return null;
    }
    byte[] local = path;
    if (plan instanceof Plan.PropertyScan ps) {
      byte[] v = sortValue(e, ps.property(), ps.range(), ps.descending());
      if (v == null) {
        return null;
      }
      local = Bytes.concat(ps.descending() ? Bytes.invert(v) : v, path);
    } else if (branch.rangeProperty() != null
        && sortValue(e, branch.rangeProperty(), branch.range(), false) == null) {
      return null;
    }
    return Bytes.concat(prefix, local);
  }
}
