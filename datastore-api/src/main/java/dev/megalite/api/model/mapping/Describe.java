package dev.megalite.api.model.mapping;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.EntityValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.api.model.Text;

/** How values read in error messages. */
final class Describe {
  private static final int MAX_TEXT = 40;

  private Describe() {}

  /** A Java value as a validation message shows it: strings quoted, long ones cut. */
  static String java(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String || v instanceof Text) {
      return "'" + cut(v.toString()) + "'";
    }
    if (v instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    return cut(String.valueOf(v));
  }

  /** A stored value with its type, as a load error shows it. */
  static String value(Value v) {
    if (v instanceof NullValue) {
      return "null";
    }
    if (v instanceof StringValue s) {
      return "string '" + cut(s.value()) + "'";
    }
    if (v instanceof IntegerValue i) {
      return "integer " + i.value();
    }
    if (v instanceof DoubleValue d) {
      return "double " + d.value();
    }
    if (v instanceof BooleanValue b) {
      return "boolean " + b.value();
    }
    if (v instanceof BytesValue b) {
      return "bytes (" + b.length() + ")";
    }
    if (v instanceof TimestampValue t) {
      return "timestamp " + t.toInstant();
    }
    if (v instanceof KeyValue k) {
      return "key " + k.value();
    }
    if (v instanceof GeoPointValue g) {
      return "geo point " + g.latitude() + "," + g.longitude();
    }
    if (v instanceof UserValue u) {
      return "user " + u.email();
    }
    if (v instanceof EntityValue) {
      return "an embedded entity";
    }
    ListValue l = (ListValue) v;
    return "a list of " + l.values().size() + " values";
  }

  private static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
  }
}
