package dev.megalite.engine.codec;

import dev.megalite.api.BaseKey;
import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IncompleteKey;
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
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The stored form of an entity (an entity row's value): a format byte, the entity version (the
 * commit sequence that wrote it), then the properties. Not order-preserving; compact and fast.
 * The row key already holds the entity's key, so it is not repeated here.
 */
public final class EntityCodec {
  private static final int FORMAT = 1;
  private static final int INDEXED = 0x80;

  private static final int T_NULL = 1;
  private static final int T_INT = 2;
  private static final int T_DOUBLE = 3;
  private static final int T_FALSE = 4;
  private static final int T_TRUE = 5;
  private static final int T_STRING = 6;
  private static final int T_BYTES = 7;
  private static final int T_TIMESTAMP = 8;
  private static final int T_KEY = 9;
  private static final int T_GEO = 10;
  private static final int T_USER = 11;
  private static final int T_ENTITY = 12;
  private static final int T_LIST = 13;

  /** Cloud Datastore's limit on how deeply entities may be embedded in entities. */
  public static final int MAX_NESTING = 20;

  private static final int NO_KEY = 0;
  private static final int COMPLETE_KEY = 1;
  private static final int INCOMPLETE_KEY = 2;

  private EntityCodec() {}

  /** Encodes {@code entity}'s properties with {@code version} into {@code sink}. */
  public static byte[] encode(Entity entity, long version, ByteSink sink) {
    sink.reset();
    sink.write(FORMAT).writeLong(version);
    writeProperties(entity.properties(), sink, 0);
    return sink.toByteArray();
  }

  /** The version stored in an encoded entity. */
  public static long version(byte[] bytes) {
    checkFormat(bytes);
    long v = 0;
    for (int i = 1; i < 9; i++) {
      v = (v << 8) | (bytes[i] & 0xFF);
    }
    return v;
  }

  /** Decodes an entity row value into an entity with key {@code key}. */
  public static Entity decode(Key key, byte[] bytes) {
    checkFormat(bytes);
    Reader r = new Reader(bytes, 9);
    try {
      Entity.Builder b = Entity.newBuilder(key);
      readProperties(r, b, 0);
      if (r.pos != bytes.length) {
        throw new IllegalStateException((bytes.length - r.pos) + " bytes after the last property");
      }
      return b.build();
    } catch (RuntimeException e) {
      throw new StorageException("stored entity " + key + " cannot be decoded: " + e, e);
    }
  }

  private static void checkFormat(byte[] bytes) {
    if (bytes.length < 9 || bytes[0] != FORMAT) {
      throw new StorageException("stored entity has an unknown format");
    }
  }

  private static void writeProperties(Map<String, Value> props, ByteSink sink, int depth) {
    sink.writeVarint(props.size());
    for (Map.Entry<String, Value> e : props.entrySet()) {
      writeString(e.getKey(), sink);
      writeValue(e.getValue(), sink, depth);
    }
  }

  private static void writeValue(Value v, ByteSink sink, int depth) {
    int flag = v.indexed() ? INDEXED : 0;
    if (v instanceof NullValue) {
      sink.write(T_NULL | flag);
    } else if (v instanceof IntegerValue i) {
      sink.write(T_INT | flag).writeLong(i.value());
    } else if (v instanceof DoubleValue d) {
      sink.write(T_DOUBLE | flag).writeLong(Double.doubleToRawLongBits(d.value()));
    } else if (v instanceof BooleanValue b) {
      sink.write((b.value() ? T_TRUE : T_FALSE) | flag);
    } else if (v instanceof StringValue s) {
      sink.write(T_STRING | flag);
      writeString(s.value(), sink);
    } else if (v instanceof BytesValue b) {
      sink.write(T_BYTES | flag).writeVarint(b.length()).write(b.value());
    } else if (v instanceof TimestampValue t) {
      sink.write(T_TIMESTAMP | flag).writeLong(t.micros());
    } else if (v instanceof KeyValue k) {
      sink.write(T_KEY | flag);
      writeKey(k.value(), sink);
    } else if (v instanceof GeoPointValue g) {
      sink.write(T_GEO | flag)
          .writeLong(Double.doubleToRawLongBits(g.latitude()))
          .writeLong(Double.doubleToRawLongBits(g.longitude()));
    } else if (v instanceof UserValue u) {
      sink.write(T_USER | flag);
      writeString(u.email(), sink);
      writeString(u.authDomain(), sink);
    } else if (v instanceof EntityValue e) {
      if (depth >= MAX_NESTING) {
        throw new BadRequestException(
            "embedded entities are nested more than " + MAX_NESTING + " levels deep");
      }
      sink.write(T_ENTITY | flag);
      BaseKey key = e.value().key();
      if (key == null) {
        sink.write(NO_KEY);
      } else if (key instanceof Key k) {
        sink.write(COMPLETE_KEY);
        writeKey(k, sink);
      } else {
        IncompleteKey ik = (IncompleteKey) key;
        sink.write(INCOMPLETE_KEY);
        writeString(ik.project(), sink);
        writeString(ik.namespace(), sink);
        writeString(ik.kind(), sink);
        if (ik.parent() == null) {
          sink.write(0);
        } else {
          sink.write(1);
          writeKey(ik.parent(), sink);
        }
      }
      writeProperties(e.value().properties(), sink, depth + 1);
    } else if (v instanceof ListValue l) {
      sink.write(T_LIST).writeVarint(l.values().size());
      for (Value x : l.values()) {
        writeValue(x, sink, depth);
      }
    } else {
      throw new IllegalStateException("unknown value " + v);
    }
  }

  private static void writeKey(Key k, ByteSink sink) {
    writeString(k.project(), sink);
    writeString(k.namespace(), sink);
    sink.writeVarint(k.path().size());
    for (PathElement e : k.path()) {
      writeString(e.kind(), sink);
      if (e.hasName()) {
        sink.write(1);
        writeString(e.name(), sink);
      } else {
        sink.write(0).writeLong(e.id());
      }
    }
  }

  private static void writeString(String s, ByteSink sink) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sink.writeVarint(b.length).write(b);
  }

  private static void readProperties(Reader r, Entity.Builder b, int depth) {
    int n = r.count();
    for (int i = 0; i < n; i++) {
      String name = r.name();
      b.set(name, readValue(r, depth));
    }
  }

  private static Value readValue(Reader r, int depth) {
    int head = r.u8();
    boolean indexed = (head & INDEXED) != 0;
    switch (head & 0x7F) {
      case T_NULL:
        return new NullValue(indexed);
      case T_INT:
        return new IntegerValue(r.int64(), indexed);
      case T_DOUBLE:
        return new DoubleValue(Double.longBitsToDouble(r.int64()), indexed);
      case T_FALSE:
        return new BooleanValue(false, indexed);
      case T_TRUE:
        return new BooleanValue(true, indexed);
      case T_STRING:
        return new StringValue(r.string(), indexed);
      case T_BYTES:
        return new BytesValue(r.bytes(r.count()), indexed);
      case T_TIMESTAMP:
        return new TimestampValue(r.int64(), indexed);
      case T_KEY:
        return new KeyValue(readKey(r), indexed);
      case T_GEO:
        double lat = Double.longBitsToDouble(r.int64());
        return new GeoPointValue(lat, Double.longBitsToDouble(r.int64()), indexed);
      case T_USER:
        return new UserValue(r.string(), r.string(), indexed);
      case T_ENTITY:
        if (depth >= MAX_NESTING) {
          throw new IllegalStateException("embedded entities nested deeper than " + MAX_NESTING);
        }
        Entity.Builder b;
        int keyKind = r.u8();
        if (keyKind == NO_KEY) {
          b = Entity.newEmbeddedBuilder();
        } else if (keyKind == COMPLETE_KEY) {
          b = Entity.newBuilder(readKey(r));
        } else {
          String project = r.name();
          String namespace = r.name();
          String kind = r.name();
          b =
              Entity.newBuilder(
                  r.u8() == 0
                      ? IncompleteKey.of(project, namespace, kind)
                      : IncompleteKey.of(readKey(r), kind));
        }
        readProperties(r, b, depth + 1);
        return new EntityValue(b.build(), indexed);
      case T_LIST:
        // An array, not an ArrayList: ListValue copies its elements once anyway.
        Value[] values = new Value[r.count()];
        for (int i = 0; i < values.length; i++) {
          values[i] = readValue(r, depth);
        }
        return new ListValue(Arrays.asList(values));
      default:
        throw new IllegalStateException("unknown value type " + (head & 0x7F));
    }
  }

  private static Key readKey(Reader r) {
    String project = r.name();
    String namespace = r.name();
    int n = r.count();
    List<PathElement> path = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String kind = r.name();
      path.add(r.u8() == 1 ? PathElement.of(kind, r.string()) : PathElement.of(kind, r.int64()));
    }
    return Key.of(project, namespace, path);
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    int u8() {
      return b[pos++] & 0xFF;
    }

    long int64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[pos++] & 0xFF);
      }
      return v;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos++];
        result |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("malformed varint");
    }

    /**
     * A stored count or length; never more than the bytes left (every element takes at least
     * one), so corrupt data cannot make the reader allocate beyond its input.
     */
    int count() {
      long n = varint();
      if (n < 0 || n > b.length - pos) {
        throw new IllegalStateException("count " + n + " exceeds the " + (b.length - pos)
            + " bytes left");
      }
      return (int) n;
    }

    byte[] bytes(int n) {
      byte[] out = new byte[n];
      System.arraycopy(b, pos, out, 0, n);
      pos += n;
      return out;
    }

    String string() {
      int n = count();
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /** A property name, kind, project or namespace: few distinct ones, read again and again. */
    String name() {
      int n = count();
      String s = NameCache.shared().text(b, pos, n);
      pos += n;
      return s;
    }
  }
}
