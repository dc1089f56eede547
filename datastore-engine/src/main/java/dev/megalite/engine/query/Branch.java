package dev.megalite.engine.query;

import java.util.List;

/**
 * One conjunction of a query in disjunctive normal form: equalities, at most one property with a
 * range (from {@code <, <=, >, >=, !=, NOT IN}), and bounds on the key.
 */
record Branch(List<EqFilter> equalities, String rangeProperty, ValueRange range, KeyRange keys) {

  /** Whether no entity can match: the value range or the key range is empty. */
  boolean matchesNothing() {
    return range.isEmpty() || keys.isEmpty();
  }

  /** Whether an equality filter constrains {@code property}. */
  boolean hasEquality(String property) {
    for (EqFilter e : equalities) {
      if (e.property().equals(property)) {
        return true;
      }
    }
    return false;
  }

  /** The equality values on {@code property}, as encodings. */
  List<byte[]> equalityValues(String property) {
    return equalities.stream()
        .filter(e -> e.property().equals(property))
        .map(EqFilter::encoded)
        .toList();
  }
}
