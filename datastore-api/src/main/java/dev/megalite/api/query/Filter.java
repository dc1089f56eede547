package dev.megalite.api.query;

import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.util.List;

/** A query filter: a comparison on one property, or an AND / OR of filters. */
public sealed interface Filter permits PropertyFilter, CompositeFilter {

  /** The pseudo-property that filters and sorts by key. */
  String KEY_PROPERTY = "__key__";

  static Filter eq(String property, Value value) {
    return PropertyFilter.of(property, Operator.EQUAL, value);
  }

  static Filter eq(String property, long value) {
    return eq(property, Value.of(value));
  }

  static Filter eq(String property, String value) {
    return eq(property, Value.of(value));
  }

  static Filter eq(String property, boolean value) {
    return eq(property, Value.of(value));
  }

  static Filter lt(String property, Value value) {
    return PropertyFilter.of(property, Operator.LESS_THAN, value);
  }

  static Filter le(String property, Value value) {
    return PropertyFilter.of(property, Operator.LESS_THAN_OR_EQUAL, value);
  }

  static Filter gt(String property, Value value) {
    return PropertyFilter.of(property, Operator.GREATER_THAN, value);
  }

  static Filter ge(String property, Value value) {
    return PropertyFilter.of(property, Operator.GREATER_THAN_OR_EQUAL, value);
  }

  static Filter ne(String property, Value value) {
    return PropertyFilter.of(property, Operator.NOT_EQUAL, value);
  }

  static Filter in(String property, Value... values) {
    return PropertyFilter.of(property, Operator.IN, Value.list(values));
  }

  static Filter notIn(String property, Value... values) {
    return PropertyFilter.of(property, Operator.NOT_IN, Value.list(values));
  }

  /** A filter on the key pseudo-property. */
  static Filter key(Operator op, Key key) {
    return PropertyFilter.of(KEY_PROPERTY, op, Value.of(key));
  }

  static Filter and(Filter... filters) {
    return CompositeFilter.of(CompositeFilter.Op.AND, List.of(filters));
  }

  static Filter or(Filter... filters) {
    return CompositeFilter.of(CompositeFilter.Op.OR, List.of(filters));
  }
}
