package dev.megalite.gql;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.EntityValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * A compact, complete rendering of a bound query for the example files: every field of the api
 * query, values with their types visible ({@code 5}, {@code 5.0}, {@code 'x'}, {@code
 * ts(2020-01-01T00:00:00Z)}, {@code key(proj/ns:Kind:1/Child:'x')}, …).
 */
final class QueryText {
  private QueryText() {}

  static String of(BoundGql bound) {
    if (bound instanceof BoundGql.Aggregate a) {
      return "AGGREGATE "
          + a.aggregation().aggregations().stream().map(Object::toString).collect(Collectors.joining(", "))
          + " OVER (" + of(a.aggregation().query()) + ")";
    }
    return of(bound.query());
  }

  static String of(Query q) {
    StringBuilder sb = new StringBuilder("SELECT ");
    if (q.keysOnly()) {
      sb.append("__key__");
    } else if (q.projection().isEmpty()) {
      sb.append('*');
    } else {
      sb.append(String.join(", ", q.projection()));
    }
    if (!q.distinctOn().isEmpty()) {
      sb.append(" DISTINCT ON (").append(String.join(", ", q.distinctOn())).append(')');
    }
    if (q.kind() != null) {
      sb.append(" FROM ").append(q.kind());
    }
    if (q.namespace() != null) {
      sb.append(" NAMESPACE '").append(q.namespace()).append('\'');
    }
    if (q.ancestor() != null) {
      sb.append(" ANCESTOR ").append(key(q.ancestor()));
    }
    if (q.filter() != null) {
      sb.append(" WHERE ").append(filter(q.filter()));
    }
    if (!q.orders().isEmpty()) {
      sb.append(" ORDER BY ")
          .append(q.orders().stream().map(QueryText::order).collect(Collectors.joining(", ")));
    }
    if (q.limit() >= 0) {
      sb.append(" LIMIT ").append(q.limit());
    }
    if (q.offset() > 0) {
      sb.append(" OFFSET ").append(q.offset());
    }
    if (q.startCursor() != null) {
      sb.append(" START ").append(q.startCursor().toUrlSafe());
    }
    if (q.endCursor() != null) {
      sb.append(" END ").append(q.endCursor().toUrlSafe());
    }
    return sb.toString();
  }

  private static String order(SortOrder o) {
    return o.property() + (o.descending() ? " DESC" : " ASC");
  }

  static String filter(Filter f) {
    if (f instanceof PropertyFilter p) {
      return p.property() + " " + p.op().symbol() + " " + value(p.value());
    }
    CompositeFilter c = (CompositeFilter) f;
    return c.filters().stream()
        .map(QueryText::filter)
        .collect(Collectors.joining(" " + c.op() + " ", "(", ")"));
  }

  static String value(Value v) {
    if (v instanceof NullValue) {
      return "null";
    }
    if (v instanceof IntegerValue i) {
      return Long.toString(i.value());
    }
    if (v instanceof DoubleValue d) {
      return Double.toString(d.value());
    }
    if (v instanceof BooleanValue b) {
      return Boolean.toString(b.value());
    }
    if (v instanceof StringValue s) {
      return "'" + printable(s.value().replace("'", "''")) + "'";
    }
    if (v instanceof BytesValue b) {
      return "bytes(" + Base64.getEncoder().encodeToString(b.value()) + ")";
    }
    if (v instanceof TimestampValue t) {
      return "ts(" + t.toInstant() + ")";
    }
    if (v instanceof KeyValue k) {
      return key(k.value());
    }
    if (v instanceof GeoPointValue g) {
      return "geo(" + g.latitude() + ", " + g.longitude() + ")";
    }
    if (v instanceof UserValue u) {
      return "user(" + u.email() + ")";
    }
    if (v instanceof ListValue l) {
      return l.values().stream().map(QueryText::value).collect(Collectors.joining(", ", "[", "]"));
    }
    return "entity(" + ((EntityValue) v) + ")";
  }

  /** Control characters as escapes, so that expectations stay plain one-line text. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  static String key(Key k) {
    StringBuilder sb = new StringBuilder("key(").append(k.project());
    if (!k.namespace().isEmpty()) {
      sb.append('/').append(k.namespace());
    }
    for (PathElement e : k.path()) {
      sb.append(", ").append(e.kind()).append(':');
      sb.append(e.hasName() ? "'" + e.name() + "'" : Long.toString(e.id()));
    }
    return sb.append(')').toString();
  }
}
