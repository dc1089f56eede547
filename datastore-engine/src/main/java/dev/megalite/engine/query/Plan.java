package dev.megalite.engine.query;

import dev.megalite.api.Key;
import java.util.List;
import java.util.stream.Collectors;

/** How one branch of a query is read from the indexes. Plans are immutable data. */
sealed interface Plan permits Plan.KindScan, Plan.PropertyScan, Plan.MergeJoin {

  /** A stable one-line description. */
  String explain();

  /**
   * Scans the kind index (or, kindless, the entity rows) in key order, within an ancestor and key
   * bounds.
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
}
