package dev.megalite.api.model.mapping;

import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.GeoPt;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** The codecs of the scalar types; see {@code docs/model.md} for the table. */
final class Codecs {
  private Codecs() {}

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  static final Codec STRING =
      new Codec("String") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new StringValue((String) v, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof StringValue s) {
            return s.value();
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return text;
        }

        @Override
        boolean sizeLimited() {
          return true;
        }
      };

  static final Codec TEXT =
      new Codec("Text") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new StringValue(((Text) v).value(), false);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof StringValue s) {
            return new Text(s.value());
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return new Text(text);
        }

        @Override
        boolean neverIndexed() {
          return true;
        }
      };

  static final Codec LONG =
      new Codec("long") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new IntegerValue((Long) v, indexed);
        }

        @Override
        Value encodeFilter(Object v) {
          return integral(v);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof IntegerValue i) {
            return i.value();
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return Long.parseLong(text);
        }
      };

  static final Codec INT = new Narrow("int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  static final Codec SHORT = new Narrow("short", Short.MIN_VALUE, Short.MAX_VALUE);
  static final Codec BYTE = new Narrow("byte", Byte.MIN_VALUE, Byte.MAX_VALUE);

  /** int, short and byte: stored as 64-bit integers, range-checked on load. */
  private static final class Narrow extends Codec {
    private final long min;
    private final long max;

    Narrow(String name, long min, long max) {
      super(name);
      this.min = min;
      this.max = max;
    }

    @Override
    Value encode(Object v, boolean indexed) {
      return new IntegerValue(((Number) v).longValue(), indexed);
    }

    @Override
    Value encodeFilter(Object v) {
      return integral(v);
    }

    @Override
    Object decode(Value v) throws Mismatch {
      if (v instanceof IntegerValue i) {
        long x = i.value();
        if (x < min || x > max) {
          throw new Mismatch(Describe.value(v) + " is outside the range of " + typeName());
        }
        return box(x);
      }
      throw doesNotFit(v);
    }

    private Object box(long x) {
      if (max == Integer.MAX_VALUE) {
        return (int) x;
      }
      return max == Short.MAX_VALUE ? (Object) (short) x : (Object) (byte) x;
    }

    @Override
    Object parse(String text) {
      long x = Long.parseLong(text);
      if (x < min || x > max) {
        throw new NumberFormatException(text + " is outside the range of " + typeName());
      }
      return box(x);
    }
  }

  static final Codec DOUBLE = new Floating("double", false);
  static final Codec FLOAT = new Floating("float", true);

  /** double and float: stored as doubles; an integer loads into them too. */
  private static final class Floating extends Codec {
    private final boolean single;

    Floating(String name, boolean single) {
      super(name);
      this.single = single;
    }

    private Object box(double x) {
      return single ? (Object) (float) x : (Object) x;
    }

    @Override
    Value encode(Object v, boolean indexed) {
      return new DoubleValue(((Number) v).doubleValue(), indexed);
    }

    @Override
    Value encodeFilter(Object v) {
      return v instanceof Number n
          ? Value.of(single ? (double) n.floatValue() : n.doubleValue())
          : null;
    }

    @Override
    Object decode(Value v) throws Mismatch {
      if (v instanceof DoubleValue d) {
        return box(d.value());
      }
      if (v instanceof IntegerValue i) {
        return box(i.value());
      }
      throw doesNotFit(v);
    }

    @Override
    Object parse(String text) {
      return single ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
    }
  }

  static final Codec BOOLEAN =
      new Codec("boolean") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new BooleanValue((Boolean) v, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof BooleanValue b) {
            return b.value();
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
          }
          throw new IllegalArgumentException("'" + text + "' is neither true nor false");
        }
      };

  static final Codec BYTES =
      new Codec("byte[]") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new BytesValue((byte[]) v, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof BytesValue b) {
            return b.value();
          }
          throw doesNotFit(v);
        }

        @Override
        boolean indexedByDefault() {
          return false;
        }

        @Override
        boolean sizeLimited() {
          return true;
        }
      };

  static final Codec INSTANT =
      new Codec("Instant") {
        @Override
        Value encode(Object v, boolean indexed) {
          return timestamp((Instant) v, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof TimestampValue t) {
            return t.toInstant();
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return Instant.parse(text);
        }
      };

  static final Codec DATE =
      new Codec("Date") {
        @Override
        Value encode(Object v, boolean indexed) {
          return timestamp(((Date) v).toInstant(), indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof TimestampValue t) {
            return Date.from(t.toInstant());
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return Date.from(Instant.parse(text));
        }
      };

  /** A date is stored as the timestamp of its midnight, UTC, as App Engine's DateProperty does. */
  static final Codec LOCAL_DATE =
      new Codec("LocalDate") {
        @Override
        Value encode(Object v, boolean indexed) {
          return timestampMicros(((LocalDate) v).toEpochDay() * MICROS_PER_DAY, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof TimestampValue t) {
            return LocalDate.ofEpochDay(Math.floorDiv(t.micros(), MICROS_PER_DAY));
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return LocalDate.parse(text);
        }
      };

  /** A local date-time is read as UTC, as App Engine reads naive datetimes. */
  static final Codec LOCAL_DATE_TIME =
      new Codec("LocalDateTime") {
        @Override
        Value encode(Object v, boolean indexed) {
          return timestamp(((LocalDateTime) v).toInstant(ZoneOffset.UTC), indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof TimestampValue t) {
            return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return LocalDateTime.parse(text);
        }
      };

  static final Codec BIG_DECIMAL =
      new Codec("BigDecimal") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new StringValue(Decimals.encode((BigDecimal) v), indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof StringValue s) {
            try {
              return Decimals.decode(s.value());
            } catch (IllegalArgumentException | ArithmeticException e) {
              throw new Mismatch(Describe.value(v) + " is not an encoded BigDecimal");
            }
          }
          if (v instanceof IntegerValue i) {
            return BigDecimal.valueOf(i.value());
          }
          throw doesNotFit(v);
        }

        @Override
        Object parse(String text) {
          return new BigDecimal(text);
        }
      };

  static final Codec KEY =
      new Codec("Key") {
        @Override
        Value encode(Object v, boolean indexed) {
          return new KeyValue((Key) v, indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof KeyValue k) {
            return k.value();
          }
          throw doesNotFit(v);
        }
      };

  static final Codec GEO_PT =
      new Codec("GeoPt") {
        @Override
        Value encode(Object v, boolean indexed) {
          GeoPt g = (GeoPt) v;
          return new GeoPointValue(g.latitude(), g.longitude(), indexed);
        }

        @Override
        Object decode(Value v) throws Mismatch {
          if (v instanceof GeoPointValue g) {
            return new GeoPt(g.latitude(), g.longitude());
          }
          throw doesNotFit(v);
        }
      };

  /** Any stored value as it is: a schemaless field. */
  static final Codec VALUE =
      new Codec("Value") {
        @Override
        Value encode(Object v, boolean indexed) {
          return (Value) v;
        }

        @Override
        Object decode(Value v) {
          return v;
        }
      };

  /** A typed key of {@code target}: the stored key's kind must be the target's kind. */
  static <T> Codec ref(Class<T> target) {
    String kind = ClassMapping.kindOf(target);
    return new Codec("Ref<" + target.getSimpleName() + ">") {
      @Override
      Value encode(Object v, boolean indexed) {
        return new KeyValue(((Ref<?>) v).key(), indexed);
      }

      @Override
      Object decode(Value v) throws Mismatch {
        if (v instanceof KeyValue k) {
          if (!k.value().kind().equals(kind)) {
            throw new Mismatch(
                Describe.value(v) + " is of kind '" + k.value().kind() + "', not '" + kind + "'");
          }
          return Ref.of(target, k.value());
        }
        throw doesNotFit(v);
      }
    };
  }

  /** An enum, stored as its constant's name. */
  static <E extends Enum<E>> Codec enumCodec(Class<E> type) {
    Map<String, E> byName = new HashMap<>();
    for (E e : type.getEnumConstants()) {
      byName.put(e.name(), e);
    }
    return new Codec(type.getSimpleName()) {
      @Override
      Value encode(Object v, boolean indexed) {
        return new StringValue(((Enum<?>) v).name(), indexed);
      }

      @Override
      Object decode(Value v) throws Mismatch {
        if (v instanceof StringValue s) {
          E e = byName.get(s.value());
          if (e == null) {
            throw new Mismatch(
                Describe.value(v) + " is not a constant of " + typeName() + " " + byName.keySet());
          }
          return e;
        }
        throw doesNotFit(v);
      }

      @Override
      Object parse(String text) {
        E e = byName.get(text);
        if (e == null) {
          throw new IllegalArgumentException("'" + text + "' is not a constant of " + typeName());
        }
        return e;
      }
    };
  }

  /** An integer filter value of any integral Java number; null for other types. */
  private static Value integral(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return Value.of(((Number) v).longValue());
    }
    return null;
  }

  static Value timestamp(Instant instant, boolean indexed) {
    TimestampValue t = TimestampValue.of(instant);
    return indexed ? t : t.withIndexed(false);
  }

  private static Value timestampMicros(long micros, boolean indexed) {
    if (micros < TimestampValue.MIN_MICROS || micros > TimestampValue.MAX_MICROS) {
      throw new BadRequestException("date is outside 0001-01-01..9999-12-31");
    }
    return new TimestampValue(micros, indexed);
  }
}
