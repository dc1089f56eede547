package dev.megalite.server;

import com.google.datastore.v1.ArrayValue;
import com.google.datastore.v1.CompositeFilter;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.Filter;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.PartitionId;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.LatLng;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded damage for {@link FuzzTest}: garbage planted in a valid message's fields through protobuf
 * reflection (negative ids, empty and reserved names, huge strings, unknown enum numbers, long
 * repeated fields), deep nesting, and bit flips, truncations and splices of the encoded bytes or
 * JSON text.
 */
final class FuzzMutator {
  private static final List<String> STRINGS = List.of("", "__key__", "__reserved__",
      "__Stat_Kind__", "__scatter__", "a.b.c", "Task", "\u0000\uffff\ud83d\ude00",
      "SELECT * FROM Task WHERE", "@1", "ARRAY(", "  ", "ÄÖÜ\u202e");

  private final Random r;

  FuzzMutator(Random r) {
    this.r = r;
  }

  /** {@code m} with one to three fields, anywhere in it, set to garbage. */
  Message mutate(Message m) {
    Message.Builder b = m.toBuilder();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      mutateField(b, 0);
    }
    return b.build();
  }

  private void mutateField(Message.Builder b, int depth) {
    List<FieldDescriptor> fields = b.getDescriptorForType().getFields();
    if (fields.isEmpty()) {
      return;
    }
    FieldDescriptor f = fields.get(r.nextInt(fields.size()));
    if (f.isRepeated()) {
      int n = b.getRepeatedFieldCount(f);
      int choice = r.nextInt(6);
      if (choice == 0) {
        b.clearField(f);
      } else if (choice == 1 && n > 0 && size(b.getRepeatedField(f, 0)) < 8_192) {
        // Far past any batch limit: 1,001 keys, 101 path elements, 31 IN values...
        Object first = b.getRepeatedField(f, 0);
        for (int i = r.nextBoolean() ? 101 : 1_001; i > 0; i--) {
          b.addRepeatedField(f, first);
        }
      } else if (n > 0 && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < 8) {
        int i = r.nextInt(n);
        Message.Builder e = ((Message) b.getRepeatedField(f, i)).toBuilder();
        mutateField(e, depth + 1);
        b.setRepeatedField(f, i, e.build());
      } else {
        b.addRepeatedField(f, garbage(b, f, null, depth));
      }
      return;
    }
    Object current = b.hasField(f) ? b.getField(f) : null;
    b.setField(f, garbage(b, f, current, depth));
  }

  /** About how many bytes {@code field} encodes to: copies of a large one would be gigabytes. */
  private static int size(Object field) {
    if (field instanceof Message m) {
      return m.getSerializedSize();
    }
    return field instanceof String s ? s.length()
        : field instanceof ByteString bs ? bs.size() : 8;
  }

  private Object garbage(Message.Builder parent, FieldDescriptor f, Object current, int depth) {
    return switch (f.getJavaType()) {
      case INT -> pick(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, r.nextInt()));
      case LONG -> pick(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 52, r.nextLong()));
      case FLOAT -> pick(List.of(Float.NaN, Float.NEGATIVE_INFINITY, -0f, r.nextFloat()));
      case DOUBLE -> garbageDouble();
      case BOOLEAN -> current == null || !(Boolean) current;
      case STRING -> string();
      case BYTE_STRING -> ByteString.copyFrom(bytes(r.nextInt(64)));
      case ENUM -> r.nextInt(4) == 0
          ? f.getEnumType().findValueByNumberCreatingIfUnknown(r.nextInt(1000) - 500)
          : pick(f.getEnumType().getValues());
      case MESSAGE -> {
        Message.Builder sub = current != null ? ((Message) current).toBuilder()
            : parent.newBuilderForField(f);
        if (depth < 8) {
          mutateField(sub, depth + 1);
        }
        yield sub.build();
      }
    };
  }

  /** Doubles that break arithmetic and ranges (latitude 91, longitude -181). */
  double garbageDouble() {
    return pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 91.0, -181.0,
        Double.MIN_VALUE, r.nextGaussian() * 1e6));
  }

  String string() {
    return switch (r.nextInt(8)) {
      case 0 -> "x".repeat(1_501);
      case 1 -> "y".repeat(r.nextInt(20) == 0 ? 1_100_000 : 20_000);
      case 2 -> new String(bytes(1 + r.nextInt(20)), StandardCharsets.ISO_8859_1);
      default -> pick(STRINGS);
    };
  }

  <T> T pick(List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** The encoding of {@code m} with bits flipped, cut short, spliced, or replaced by noise. */
  byte[] corrupt(byte[] valid) {
    byte[] b = valid.clone();
    switch (r.nextInt(5)) {
      case 0 -> {
        for (int i = 1 + r.nextInt(4); i > 0 && b.length > 0; i--) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      case 2 -> {
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        byte[] noise = bytes(1 + r.nextInt(16));
        byte[] out = new byte[b.length + noise.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(b, at, out, at + noise.length, b.length - at);
        b = out;
      }
      case 3 -> b = bytes(r.nextInt(200));
      default -> {
        // A length-delimited field whose length runs past the end.
        b = java.util.Arrays.copyOf(b, b.length + 3);
        b[b.length - 3] = 0x0a;
        b[b.length - 2] = (byte) 0xff;
        b[b.length - 1] = 0x7f;
      }
    }
    return b;
  }

  /** JSON text damaged one character at a time, or noise that only looks like JSON. */
  String corruptJson(String valid) {
    StringBuilder s = new StringBuilder(valid);
    switch (r.nextInt(5)) {
      case 0 -> s.setLength(s.length() == 0 ? 0 : r.nextInt(s.length()));
      case 1 -> {
        for (int i = 1 + r.nextInt(3); i > 0 && s.length() > 0; i--) {
          s.setCharAt(r.nextInt(s.length()), pick(List.of('{', '}', '[', '"', ':', ',', '0', 'x')));
        }
      }
      case 2 -> s.insert(s.length() == 0 ? 0 : r.nextInt(s.length()),
          pick(List.of("null", "\"\"", "-1", "1e999", "{}", "[]", "\"NaN\"", "\"\\ud800\"")));
      case 3 -> {
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        return open.repeat(r.nextBoolean() ? 150 : 20_000);
      }
      default -> {
        return pick(List.of("", "null", "[]", "\"x\"", "{\"keys\":[{}]}", "{\"query\":{}}",
            "{\"mutations\":[{\"upsert\":{}}]}", "{\"mode\":7}", "{\"transaction\":\"!!\"}"));
      }
    }
    return s.toString();
  }

  /** A key with garbage in it: odd kinds and names, non-positive ids, too long a path. */
  Key garbageKey() {
    Key.Builder k = Key.newBuilder();
    if (r.nextInt(10) == 0) {
      for (int i = 0; i < 101; i++) { // one more than a path may have
        k.addPath(Key.PathElement.newBuilder().setKind("Task").setId(i + 1));
      }
      return k.build();
    }
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      Key.PathElement.Builder e = Key.PathElement.newBuilder()
          .setKind(r.nextBoolean() ? string() : "Task");
      switch (r.nextInt(4)) {
        case 0 -> e.setId(pick(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 7L)));
        case 1 -> e.setName(string());
        case 2 -> { } // incomplete, anywhere in the path
        default -> e.setName("ok");
      }
      k.addPath(e);
    }
    if (r.nextInt(4) == 0) {
      k.setPartitionId(PartitionId.newBuilder().setNamespaceId(string())
          .setProjectId(r.nextBoolean() ? "" : string()));
    }
    return k.build();
  }

  /** A value of a valid type with values at and past the edges. */
  Value garbageValue() {
    Value.Builder v = Value.newBuilder();
    switch (r.nextInt(8)) {
      case 0 -> v.setTimestampValue(Timestamp.newBuilder()
          .setSeconds(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, -62_135_596_801L, 253_402_300_800L)))
          .setNanos(pick(List.of(-1, 1_000_000_000, 999_999_999))));
      case 1 -> v.setGeoPointValue(LatLng.newBuilder().setLatitude(pick(List.of(Double.NaN, 91.0,
          -90.0))).setLongitude(pick(List.of(Double.POSITIVE_INFINITY, 181.0, -180.0))));
      case 2 -> v.setKeyValue(garbageKey());
      case 3 -> v.setMeaning(pick(List.of(20, -1, 22, 1 << 20)))
          .setEntityValue(Entity.newBuilder().putProperties(string(), Value.newBuilder()
              .setIntegerValue(1).build()));
      case 4 -> v.setArrayValue(ArrayValue.newBuilder().addValues(nestedArray(1 + r.nextInt(3))));
      case 5 -> v.setStringValue(string()).setExcludeFromIndexes(r.nextBoolean());
      case 6 -> v.setBlobValue(ByteString.copyFrom(bytes(r.nextInt(10) == 0 ? 1_600 : 16)));
      default -> v.setDoubleValue(garbageDouble());
    }
    return v.build();
  }

  /** An entity value, composite filter or array nested {@code levels} deep. */
  static Value nestedEntity(int levels) {
    Value v = Value.newBuilder().setIntegerValue(1).build();
    for (int i = 0; i < levels; i++) {
      v = Value.newBuilder().setEntityValue(Entity.newBuilder().putProperties("e", v)).build();
    }
    return v;
  }

  static Filter nestedFilter(int levels, Filter leaf) {
    Filter f = leaf;
    for (int i = 0; i < levels; i++) {
      f = Filter.newBuilder().setCompositeFilter(CompositeFilter.newBuilder()
          .setOp(i % 2 == 0 ? CompositeFilter.Operator.AND : CompositeFilter.Operator.OR)
          .addFilters(f)).build();
    }
    return f;
  }

  static Value nestedArray(int levels) {
    Value v = Value.newBuilder().setStringValue("deep").build();
    for (int i = 0; i < levels; i++) {
      v = Value.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(v)).build();
    }
    return v;
  }
}
