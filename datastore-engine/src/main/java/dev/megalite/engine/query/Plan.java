package dev.megalite.engine.query;

import dev.megalite.api.Key;
import java.util.List;
import java.util.stream.Collectors;

/** How one branch of a query is read from the indexes. Plans are immutable data. */
sealed interface Plan
    permits Plan.KindScan,
        Plan.PropertyScan,
        Plan.MergeJoin,
        Plan.CompositeScan,
        Plan.CompositeMergeJoin {

  /** A stable one-line description. */
  String explain();

  /**
   * Scans the kind index (or the entity rows: kindless, or under an ancestor) in key order, within
   * an ancestor and key bounds; see {@link KindScanSource}.
   */
  record KindScan(String kind, Key ancestor, KeyRange keys) implements Plan {
    @Override
    public String explain() {
      return (kind == null ? "EntityScan(kindless" : "KindScan(" + kind)
          + (ancestor == null ? "" : ", ancestor=" + ancestor)
          + (keys.isAll() ? "" : ", key range")
          + ")";
    }
  }

  /**
   * Scans one property's index over a value range, ascending or (reading the index backwards, one
   * run of equal values at a time) descending; each entity is returned once, at its smallest
   * (largest) value in the range, unless the query is a projection.
   */
  record PropertyScan(
      String kind,
      String property,
      ValueRange range,
      boolean descending,
      KeyRange keys,
      List<EqFilter> residualEqualities)
      implements Plan {
    @Override
    public String explain() {
      return "PropertyScan(" + kind + "." + property + (descending ? " DESC" : " ASC")
          + (range.isAll() ? "" : ", range")
          + (range.excluded().isEmpty() ? "" : ", excluding " + range.excluded().size())
          + (keys.isAll() ? "" : ", key range")
          + (residualEqualities.isEmpty() ? "" : ", then check " + residualEqualities)
          + ")";
    }
  }

  /**
   * A zigzag merge join of equality runs of property indexes (each in key order), restricted to
   * an ancestor and key bounds.
   */
  record MergeJoin(String kind, Key ancestor, List<EqFilter> equalities, KeyRange keys)
      implements Plan {
    @Override
    public String explain() {
      return "MergeJoin(" + kind + ": "
          + equalities.stream().map(EqFilter::toString).collect(Collectors.joining(" AND "))
          + (ancestor == null ? "" : ", ancestor=" + ancestor)
          + (keys.isAll() ? "" : ", key range")
          + ")";
    }
  }

  /**
   * Scans a composite index: the prefix fixed by the ancestor and the equalities on its leading
   * properties, then (optionally) a range on the next property, in the index's order.
   *
   * @param prefixValues the stored encodings of the leading properties' equality values
   * @param range the range on property {@code prefixValues.size()} (ALL for none), ascending
   *     encodings
   * @param residualEqualities equalities the prefix does not express, checked on the entity
   */
  record CompositeScan(
      dev.megalite.engine.index.CompositeIndex index,
      Key ancestor,
      List<byte[]> prefixValues,
      ValueRange range,
      KeyRange keys,
      List<EqFilter> residualEqualities)
      implements Plan {
    @Override
    public String explain() {
      return "CompositeScan(" + index.definition()
          + (ancestor == null ? "" : ", ancestor=" + ancestor)
          + (prefixValues.isEmpty() ? "" : ", " + prefixValues.size() + " equalities")
          + (range.isAll() ? "" : ", range")
          + (keys.isAll() ? "" : ", key range")
          + (residualEqualities.isEmpty() ? "" : ", then check " + residualEqualities)
          + ")";
    }

    /** The direction of the property after the prefix (where the range applies). */
    boolean rangeDescending() {
      List<dev.megalite.index.IndexProperty> ps = index.definition().properties();
      return prefixValues.size() < ps.size()
          && ps.get(prefixValues.size()).direction() == dev.megalite.index.Direction.DESC;
    }
  }

  /**
   * A zigzag merge join of composite scans that share their ordered suffix, each fixing some of
   * the equalities (App Engine serves a query with several partial indexes this way).
   *
   * @param residualEqualities equalities none of the scans expresses, checked on the entity
   */
  record CompositeMergeJoin(List<CompositeScan> scans, List<EqFilter> residualEqualities)
      implements Plan {
    @Override
    public String explain() {
      return "CompositeMergeJoin("
          + scans.stream().map(CompositeScan::explain).collect(Collectors.joining(", "))
          + (residualEqualities.isEmpty() ? "" : ", then check " + residualEqualities)
          + ")";
    }
  }
}
