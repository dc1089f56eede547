package dev.megalite.engine.testing;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * App Engine's value order, written from its documentation and independently of the engine's
 * codec, so tests can check the codec and the query results against it: null < integers and
 * timestamps (one number line) < booleans < strings and byte strings (UTF-8 bytes) < doubles
 * ({@link Double#compare}) < geo points (latitude, longitude) < users (email) < keys (project,
 * namespace, then path element by element: kind, ids before names).
 */
public final class ReferenceOrder {
  /** Compares indexable values; lists and embedded entities are not values of the index. */
  public static final Comparator<Value> VALUES = ReferenceOrder::compare;

  private ReferenceOrder() {}

  public static int compare(Value a, Value b) {
    int c = Integer.compare(rank(a), rank(b));
    if (c != 0) {
      return c;
    }
    switch (rank(a)) {
      case 0:
        return 0;
      case 1:
        return Long.compare(number(a), number(b));
      case 2:
        return Boolean.compare(((BooleanValue) a).value(), ((BooleanValue) b).value());
      case 3:
        return Arrays.compareUnsigned(bytes(a), bytes(b));
      case 4:
        return Double.compare(((DoubleValue) a).value(), ((DoubleValue) b).value());
      case 5:
        GeoPointValue ga = (GeoPointValue) a;
        GeoPointValue gb = (GeoPointValue) b;
        c = Double.compare(ga.latitude(), gb.latitude());
        return c != 0 ? c : Double.compare(ga.longitude(), gb.longitude());
      case 6:
        UserValue ua = (UserValue) a;
        UserValue ub = (UserValue) b;
        c = Key.compareUtf8(ua.email(), ub.email());
        return c != 0 ? c : Key.compareUtf8(ua.authDomain(), ub.authDomain());
      default:
        return keys(((KeyValue) a).value(), ((KeyValue) b).value());
    }
  }

  /** Keys: project, namespace, then path. */
  public static int keys(Key a, Key b) {
    int c = Key.compareUtf8(a.project(), b.project());
    if (c != 0) {
      return c;
    }
    c = Key.compareUtf8(a.namespace(), b.namespace());
    return c != 0 ? c : Key.comparePaths(a.path(), b.path());
  }

  private static int rank(Value v) {
    if (v instanceof NullValue) {
      return 0;
    } else if (v instanceof IntegerValue || v instanceof TimestampValue) {
      return 1;
    } else if (v instanceof BooleanValue) {
      return 2;
    } else if (v instanceof StringValue || v instanceof BytesValue) {
      return 3;
    } else if (v instanceof DoubleValue) {
      return 4;
    } else if (v instanceof GeoPointValue) {
      return 5;
    } else if (v instanceof UserValue) {
      return 6;
    } else if (v instanceof KeyValue) {
      return 7;
    }
    throw new IllegalArgumentException(v.type() + " is not an index value");
  }

  private static long number(Value v) {
    return v instanceof IntegerValue i ? i.value() : ((TimestampValue) v).micros();
  }

  private static byte[] bytes(Value v) {
    return v instanceof StringValue s
        ? s.value().getBytes(StandardCharsets.UTF_8)
        : ((BytesValue) v).value();
  }
}
