package dev.megalite.engine.query;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.KeyValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;

/** Short, stable renderings of values for plans and error messages. */
final class ValueText {
  private ValueText() {}

  static String of(Value v) {
    if (v instanceof NullValue) {
      return "NULL";
    } else if (v instanceof IntegerValue i) {
      return Long.toString(i.value());
    } else if (v instanceof DoubleValue d) {
      return Double.toString(d.value());
    } else if (v instanceof BooleanValue b) {
      return b.value() ? "TRUE" : "FALSE";
    } else if (v instanceof StringValue s) {
      return "'" + s.value().replace("'", "''") + "'";
    } else if (v instanceof TimestampValue t) {
      return "DATETIME(" + t.toInstant() + ")";
    } else if (v instanceof KeyValue k) {
      return k.value().toString();
    }
    return v.toString();
  }
}
