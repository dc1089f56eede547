package dev.megalite.api;

import java.time.Instant;
import java.util.List;

/**
 * A property value. The family is closed: null, integer (64-bit), double, boolean, string, bytes,
 * timestamp (microseconds), key, geo point, user, embedded entity and list (a multi-valued
 * property; lists do not nest). Every value carries an <em>indexed</em> flag; unindexed values are
 * stored but invisible to filters and sorts. Values are immutable.
 */
public sealed interface Value
    permits NullValue,
        IntegerValue,
        DoubleValue,
        BooleanValue,
        StringValue,
        BytesValue,
        TimestampValue,
        KeyValue,
        GeoPointValue,
        UserValue,
        EntityValue,
        ListValue {

  ValueType type();

  /** Whether this value is written to the indexes (for a list: whether any element is). */
  boolean indexed();

  /** The same value with the indexed flag set to {@code indexed} (for a list: on every element). */
  Value withIndexed(boolean indexed);

  /** This value, excluded from indexes. */
  default Value unindexed() {
    return withIndexed(false);
  }

  static Value ofNull() {
    return NullValue.INDEXED;
  }

  static Value of(long v) {
    return new IntegerValue(v, true);
  }

  static Value of(double v) {
    return new DoubleValue(v, true);
  }

  static Value of(boolean v) {
    return new BooleanValue(v, true);
  }

  static Value of(String v) {
    return new StringValue(v, true);
  }

  static Value of(byte[] v) {
    return new BytesValue(v, true);
  }

  static Value of(Key v) {
    return new KeyValue(v, true);
  }

  static Value of(Instant v) {
    return TimestampValue.of(v);
  }

  static Value of(Entity embedded) {
    return new EntityValue(embedded, true);
  }

  static Value timestampMicros(long micros) {
    return new TimestampValue(micros, true);
  }

  static Value geoPoint(double latitude, double longitude) {
    return new GeoPointValue(latitude, longitude, true);
  }

  static Value user(String email) {
    return new UserValue(email, "gmail.com", true);
  }

  static Value list(Value... values) {
    return new ListValue(java.util.Arrays.asList(values));
  }

  static Value list(List<? extends Value> values) {
    return new ListValue(new java.util.ArrayList<Value>(values));
  }
}
