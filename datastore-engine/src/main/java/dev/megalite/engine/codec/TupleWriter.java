package dev.megalite.engine.codec;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes order-preserving, type-tagged tuples: the only producer of storage keys. Comparing two
 * encodings as unsigned bytes gives the order of the tuples, element by element, with values in
 * App Engine's cross-type order. Reusable: {@link #reset()} and write the next key.
 *
 * <p>Encodings: strings are UTF-8 with {@code 00 -> 01 01} and {@code 01 -> 01 02} escaping and a
 * {@code 00} terminator (so they are prefix-free and order bytewise); integers are 8 bytes
 * big-endian with the sign bit flipped; doubles flip the sign bit of positive numbers and all bits
 * of negative ones (after canonicalising NaN), which is {@link Double#compare}'s order.
 */
public final class TupleWriter {
  private final ByteSink sink;

  public TupleWriter() {
    this(new ByteSink(128));
  }

  public TupleWriter(ByteSink sink) {
    this.sink = sink;
  }

  public TupleWriter reset() {
    sink.reset();
    return this;
  }

  public int length() {
    return sink.length();
  }

  public void truncate(int length) {
    sink.truncate(length);
  }

  public byte[] toByteArray() {
    return sink.toByteArray();
  }

  /** Starts a key with its keyspace prefix. */
  public TupleWriter keyspace(Keyspace keyspace) {
    sink.write(keyspace.prefix());
    return this;
  }

  /** A name element: a project, namespace, kind or property name. */
  public TupleWriter name(String name) {
    sink.write(Tags.NAME);
    escaped(name.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A complete key path, terminated so that an ancestor sorts before its descendants. */
  public TupleWriter path(List<PathElement> path) {
    pathElements(path);
    sink.write(Tags.END);
    return this;
  }

  /** The path's elements without the terminator: the prefix shared by it and its descendants. */
  public TupleWriter pathElements(List<PathElement> path) {
    for (int i = 0, n = path.size(); i < n; i++) {
      PathElement e = path.get(i);
      escaped(e.kind().getBytes(StandardCharsets.UTF_8));
      if (e.hasName()) {
        sink.write(Tags.PATH_NAME);
        escaped(e.name().getBytes(StandardCharsets.UTF_8));
      } else {
        sink.write(Tags.PATH_ID);
        sink.writeLong(e.id());
      }
    }
    return this;
  }

  /** The kind part of a path element: the kind, escaped and terminated. */
  public TupleWriter pathKind(String kind) {
    escaped(kind.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * An indexable value in ascending order. Values that App Engine orders as equal (an integer and
   * a timestamp, a string and a byte string with the same bytes) encode equal; {@link
   * #meaning(Value)} tells them apart and is stored in the row's value.
   *
   * @throws IllegalArgumentException for lists and embedded entities, which are never index values
   */
  public TupleWriter value(Value v) {
    if (v instanceof NullValue) {
      sink.write(Tags.NULL);
    } else if (v instanceof IntegerValue i) {
      sink.write(Tags.INT).writeLong(i.value() ^ Long.MIN_VALUE);
    } else if (v instanceof TimestampValue t) {
      sink.write(Tags.INT).writeLong(t.micros() ^ Long.MIN_VALUE);
    } else if (v instanceof BooleanValue b) {
      sink.write(Tags.BOOLEAN).write(b.value() ? 1 : 0);
    } else if (v instanceof StringValue s) {
      sink.write(Tags.STRING);
      escaped(s.value().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof BytesValue b) {
      sink.write(Tags.STRING);
      escaped(b.value());
    } else if (v instanceof DoubleValue d) {
      sink.write(Tags.DOUBLE).writeLong(orderedDouble(d.value()));
    } else if (v instanceof GeoPointValue g) {
      sink.write(Tags.GEO)
          .writeLong(orderedDouble(g.latitude()))
          .writeLong(orderedDouble(g.longitude()));
    } else if (v instanceof UserValue u) {
      sink.write(Tags.USER);
      escaped(u.email().getBytes(StandardCharsets.UTF_8));
      escaped(u.authDomain().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof KeyValue k) {
      key(k.value());
    } else {
      throw new IllegalArgumentException(v.type() + " values are not indexable");
    }
    return this;
  }

  /** A value in descending order: the bitwise inverse of its ascending encoding. */
  public TupleWriter valueDescending(Value v) {
    int from = sink.length();
    value(v);
    sink.invertFrom(from);
    return this;
  }

  /** A key as a value: project, namespace, then the terminated path. */
  public TupleWriter key(Key key) {
    sink.write(Tags.KEY);
    escaped(key.project().getBytes(StandardCharsets.UTF_8));
    escaped(key.namespace().getBytes(StandardCharsets.UTF_8));
    return path(key.path());
  }

  /** A fixed 8-byte big-endian number (an index id). */
  public TupleWriter fixed64(long v) {
    sink.writeLong(v);
    return this;
  }

  /** Appends raw bytes, already encoded by this codec (a stored path, a cursor position). */
  public TupleWriter raw(byte[] bytes) {
    sink.write(bytes);
    return this;
  }

  /** Appends part of an encoding already produced by this codec. */
  public TupleWriter raw(byte[] bytes, int off, int len) {
    sink.write(bytes, off, len);
    return this;
  }

  /** The meaning byte of an indexable value, stored beside its index row. */
  public static int meaning(Value v) {
    return v instanceof TimestampValue || v instanceof BytesValue
        ? Tags.MEANING_TIMESTAMP
        : Tags.MEANING_PLAIN;
  }

  static long orderedDouble(double d) {
    long bits = Double.doubleToLongBits(d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  static double unorderedDouble(long ordered) {
    long bits = ordered < 0 ? ordered ^ Long.MIN_VALUE : ~ordered;
    return Double.longBitsToDouble(bits);
  }

  private void escaped(byte[] b) {
    for (byte x : b) {
      if (x == 0x00) {
        sink.write(0x01).write(0x01);
      } else if (x == 0x01) {
        sink.write(0x01).write(0x02);
      } else {
        sink.write(x);
      }
    }
    sink.write(0x00);
  }
}
