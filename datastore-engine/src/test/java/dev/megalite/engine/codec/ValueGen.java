package dev.megalite.engine.codec;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random indexable values and keys, biased toward the codec's edge cases. */
final class ValueGen {
  private static final long[] LONGS = {
    Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MIN_VALUE, -256, -255, -1, 0, 1, 5, 255, 256,
    Integer.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE,
    TimestampValue.MIN_MICROS, TimestampValue.MAX_MICROS
  };
  private static final double[] DOUBLES = {
    -0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
    Double.MIN_NORMAL, -Double.MIN_NORMAL, 1.0, -1.0, 0.5, 5.0,
    Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // signalling NaN
    Double.longBitsToDouble(0xfff8_0000_0000_0000L) // NaN with the sign bit set
  };
  private static final String[] PIECES = {
    "a", "b", "\0", "\u0001", "\u0002", "\u007f", "\u0080", "\u00e9", "\u00ff", "\u07ff",
    "\u0800", "\uFFFE", "\uFFFF", "\uD83D\uDE00", "\uDBFF\uDFFF"
  };
  private static final int[] BYTES = {0x00, 0x01, 0x02, 'a', 'b', 0x7f, 0x80, 0xc3, 0xfe, 0xff};
  private static final String[] PROJECTS = {"p", "p2", "a", "a-b", "p.q", "z~"};
  private static final String[] NAMESPACES = {"", "n", "ns", "ns2", "a-b"};
  private static final String[] KINDS = {
    "A", "B", "AB", "a", "K\0", "K\u0001", "\u00c4", "\uFFFF", "\uD83D\uDE00"
  };
  private static final String[] KEY_NAMES = {
    "a", "b", "ab", "\0", "a\0", "\u0001", "1", "\uFFFF", "\uD83D\uDE00"
  };
  private static final long[] IDS = {
    1, 2, 255, 256, 1L << 32, Long.MAX_VALUE - 1, Long.MAX_VALUE
  };

  private final Random r;

  ValueGen(Random r) {
    this.r = r;
  }

  Value indexable() {
    return switch (r.nextInt(10)) {
      case 0 -> Value.ofNull();
      case 1 -> Value.of(integer());
      case 2 -> Value.timestampMicros(micros());
      case 3 -> Value.of(r.nextBoolean());
      case 4 -> Value.of(string());
      case 5 -> Value.of(bytes());
      case 6 -> Value.of(dbl());
      case 7 -> Value.geoPoint(coordinate(90), coordinate(180));
      case 8 -> user();
      default -> Value.of(key());
    };
  }

  /** A partner for {@code a}: mostly something close to it, sometimes anything. */
  Value pairedWith(Value a) {
    int m = r.nextInt(10);
    return m < 3 ? indexable() : m < 5 ? twin(a) : near(a);
  }

  /** A value App Engine orders as equal to {@code a}, of the same or the sibling type. */
  Value twin(Value a) {
    if (a instanceof IntegerValue i && inTimestampRange(i.value()) && r.nextBoolean()) {
      return Value.timestampMicros(i.value());
    } else if (a instanceof TimestampValue t && r.nextBoolean()) {
      return Value.of(t.micros());
    } else if (a instanceof StringValue s && r.nextBoolean()) {
      return Value.of(s.value().getBytes(StandardCharsets.UTF_8));
    } else if (a instanceof BytesValue b && r.nextBoolean()) {
      String s = new String(b.value(), StandardCharsets.UTF_8);
      if (Arrays.equals(s.getBytes(StandardCharsets.UTF_8), b.value())) {
        return Value.of(s);
      }
    } else if (a instanceof DoubleValue d && Double.isNaN(d.value())) {
      return Value.of(Double.longBitsToDouble(0x7ff0_0000_0000_0001L | (r.nextLong() >>> 13)));
    }
    return a.withIndexed(true); // an equal copy
  }

  /** A value of the same type one small step away from {@code a}. */
  Value near(Value a) {
    if (r.nextInt(4) == 0) {
      return sameType(a);
    } else if (a instanceof IntegerValue i) {
      return Value.of(i.value() + (r.nextBoolean() ? 1 : -1)); // wraps at the ends, on purpose
    } else if (a instanceof TimestampValue t) {
      long n = t.micros() + (r.nextBoolean() ? 1 : -1);
      return inTimestampRange(n) ? Value.timestampMicros(n) : Value.of(n);
    } else if (a instanceof BooleanValue b) {
      return Value.of(!b.value());
    } else if (a instanceof StringValue s) {
      return Value.of(nearString(s.value()));
    } else if (a instanceof BytesValue b) {
      return Value.of(nearBytes(b.value()));
    } else if (a instanceof DoubleValue d) {
      return Value.of(switch (r.nextInt(4)) {
        case 0 -> Math.nextUp(d.value());
        case 1 -> Math.nextDown(d.value());
        case 2 -> -d.value();
        default -> DOUBLES[r.nextInt(DOUBLES.length)];
      });
    } else if (a instanceof GeoPointValue g) {
      return r.nextBoolean()
          ? Value.geoPoint(nearCoordinate(g.latitude(), 90), g.longitude())
          : Value.geoPoint(g.latitude(), nearCoordinate(g.longitude(), 180));
    } else if (a instanceof UserValue u) {
      return r.nextBoolean()
          ? new UserValue(u.email(), r.nextBoolean() ? "" : nearString(u.authDomain()), true)
          : new UserValue(nonEmpty(nearString(u.email())), u.authDomain(), true);
    } else if (a instanceof KeyValue k) {
      return Value.of(nearKey(k.value()));
    }
    return Value.ofNull();
  }

  private Value sameType(Value a) {
    for (int i = 0; i < 100; i++) {
      Value b = indexable();
      if (b.type() == a.type()) {
        return b;
      }
    }
    return a;
  }

  private long integer() {
    int m = r.nextInt(10);
    return m < 4 ? LONGS[r.nextInt(LONGS.length)] : m < 7 ? r.nextInt(7) - 3 : r.nextLong();
  }

  private long micros() {
    int m = r.nextInt(10);
    if (m < 4) {
      long n = LONGS[r.nextInt(LONGS.length)];
      return inTimestampRange(n) ? n : 0;
    } else if (m < 7) {
      return r.nextInt(7) - 3;
    }
    long span = TimestampValue.MAX_MICROS - TimestampValue.MIN_MICROS + 1;
    return TimestampValue.MIN_MICROS + Math.floorMod(r.nextLong(), span);
  }

  private double dbl() {
    int m = r.nextInt(10);
    return m < 5
        ? DOUBLES[r.nextInt(DOUBLES.length)]
        : m < 7 ? r.nextInt(5) - 2 : Double.longBitsToDouble(r.nextLong());
  }

  private double coordinate(double limit) {
    return switch (r.nextInt(8)) {
      case 0 -> limit;
      case 1 -> -limit;
      case 2 -> 0.0;
      case 3 -> -0.0;
      case 4 -> Double.MIN_VALUE;
      case 5 -> -Double.MIN_VALUE;
      default -> (r.nextDouble() * 2 - 1) * limit;
    };
  }

  private double nearCoordinate(double x, double limit) {
    double y = r.nextInt(4) == 0 ? -x : r.nextBoolean() ? Math.nextUp(x) : Math.nextDown(x);
    return Math.abs(y) <= limit ? y : x;
  }

  private UserValue user() {
    String domain = switch (r.nextInt(4)) {
      case 0 -> "";
      case 1 -> "gmail.com";
      case 2 -> "example.com";
      default -> string();
    };
    return new UserValue(nonEmpty(string()), domain, true);
  }

  /** Mostly a few edge-case pieces (so strings are often prefixes of one another). */
  String string() {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(8) == 0) {
      for (int i = r.nextInt(12); i > 0; i--) {
        int cp = r.nextInt(Character.MAX_CODE_POINT + 1);
        sb.appendCodePoint(cp >= 0xd800 && cp <= 0xdfff ? 'x' : cp); // no lone surrogates
      }
      return sb.toString();
    }
    for (int i = r.nextInt(5); i > 0; i--) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private String nearString(String s) {
    return switch (r.nextInt(3)) {
      case 0 -> s + PIECES[r.nextInt(PIECES.length)];
      case 1 -> s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(s.length(), -1));
      default -> PIECES[r.nextInt(PIECES.length)] + s;
    };
  }

  private byte[] bytes() {
    return switch (r.nextInt(4)) {
      case 0 -> string().getBytes(StandardCharsets.UTF_8);
      case 1 -> rawBytes(6);
      default -> edgyBytes(5);
    };
  }

  /** Up to {@code max} bytes drawn from 00, 01, 02, 7f, 80, fe, ff (often) and letters. */
  byte[] edgyBytes(int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (r.nextInt(3) == 0 ? 0xff : BYTES[r.nextInt(BYTES.length)]);
    }
    return b;
  }

  byte[] rawBytes(int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  /** Longer, shorter, one byte off, or unrelated. */
  byte[] nearBytes(byte[] b) {
    int m = r.nextInt(4);
    if (m == 0) {
      return Bytes.concat(b, edgyBytes(2));
    } else if (m == 1) {
      return Arrays.copyOf(b, Math.max(0, b.length - 1 - r.nextInt(2)));
    } else if (m == 2 && b.length > 0) {
      byte[] c = b.clone();
      c[r.nextInt(c.length)] += (byte) (r.nextBoolean() ? 1 : -1);
      return c;
    }
    return edgyBytes(6);
  }

  Key key() {
    return pathKey(pick(PROJECTS), pick(NAMESPACES));
  }

  private Key pathKey(String project, String namespace) {
    List<PathElement> path = new ArrayList<>();
    for (int depth = 1 + r.nextInt(4); depth > 0; depth--) {
      path.add(element(pick(KINDS)));
    }
    return Key.of(project, namespace, path);
  }

  private PathElement element(String kind) {
    if (r.nextBoolean()) {
      return PathElement.of(
          kind, r.nextInt(3) == 0 ? 1 + Math.floorMod(r.nextLong(), Long.MAX_VALUE) : pickId());
    }
    return PathElement.of(kind, keyName(r.nextInt(4) == 0 ? string() : pick(KEY_NAMES)));
  }

  /** A key related to {@code k}: parent, child, sibling, or the same path elsewhere. */
  Key nearKey(Key k) {
    return switch (r.nextInt(6)) {
      case 0 -> k.parent() != null ? k.parent() : child(k);
      case 1 -> child(k);
      case 2 -> sibling(k);
      case 3 -> Key.of(k.project(), pick(NAMESPACES), k.path());
      case 4 -> Key.of(pick(PROJECTS), k.namespace(), k.path());
      default -> key();
    };
  }

  private Key child(Key k) {
    PathElement e = element(pick(KINDS));
    return e.hasName() ? k.child(e.kind(), e.name()) : k.child(e.kind(), e.id());
  }

  /** The same parent; the last element one id or name step away, or another of its kind. */
  private Key sibling(Key k) {
    List<PathElement> path = new ArrayList<>(k.path());
    PathElement last = path.remove(path.size() - 1);
    int m = r.nextInt(3);
    if (m == 0 && last.hasId()) {
      path.add(PathElement.of(last.kind(), Math.max(1, last.id() + (r.nextBoolean() ? 1 : -1))));
    } else if (m == 0) {
      path.add(PathElement.of(last.kind(), keyName(nearString(last.name()))));
    } else {
      path.add(element(m == 1 ? last.kind() : pick(KINDS)));
    }
    return Key.of(k.project(), k.namespace(), path);
  }

  /** {@code n} keys of one project and namespace, full of ancestors, children and siblings. */
  List<Key> family(int n) {
    List<Key> keys = new ArrayList<>();
    keys.add(pathKey("p", ""));
    while (keys.size() < n) {
      Key k = keys.get(r.nextInt(keys.size()));
      int m = r.nextInt(10);
      if (m < 2) {
        keys.add(pathKey("p", ""));
      } else if (m < 6) {
        keys.add(k.path().size() < 6 ? child(k) : k.root());
      } else if (m < 9) {
        keys.add(sibling(k));
      } else {
        keys.add(k.parent() != null ? k.parent() : child(k));
      }
    }
    return keys;
  }

  private String pick(String[] options) {
    return options[r.nextInt(options.length)];
  }

  private long pickId() {
    return IDS[r.nextInt(IDS.length)];
  }

  private static String keyName(String s) {
    return s.isEmpty() || PathElement.isReserved(s) ? "n" : s;
  }

  private static String nonEmpty(String s) {
    return s.isEmpty() ? "a" : s;
  }

  private static boolean inTimestampRange(long n) {
    return n >= TimestampValue.MIN_MICROS && n <= TimestampValue.MAX_MICROS;
  }
}
