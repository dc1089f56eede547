package dev.megalite.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.megalite.api.BaseKey;
import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored entity format: random entities round-trip exactly, and bytes that are not an encoded
 * entity fail with {@link StorageException} and nothing else. Seeds as in {@link
 * TupleCodecPropertyTest}: {@code -Dmegalite.seed=<seed>} replays a run.
 */
class EntityCodecTest {
  private static final long SEED = TupleCodecPropertyTest.SEED;
  private static final HexFormat HEX = HexFormat.of();
  private static final Key KEY = Key.of("p", "A", 1);
  /** Format 1, version 0: what precedes the properties. */
  private static final String HEADER = "01" + "0000000000000000";
  private static final String[] PROPERTY_NAMES = {
    "a", "b", "name", "a.b", "a.b.c", ".lead", "trail.", "..", "with space", "x\0y", "x\u0001",
    "\u540d\u524d", "\u00e9.\u00fc", "\uD83D\uDE00", "\uD83D\uDE00.\uFFFF", "_", "__", "__x"
  };

  @Test
  void randomEntitiesRoundTripExactlyWithPropertyOrderAndVersion() {
    Gen gen = new Gen(new Random(SEED), false);
    for (int n = 0; n < 3_000; n++) {
      int i = n;
      Entity entity = gen.entity(gen.values.key());
      long version = gen.version();
      byte[] bytes = EntityCodec.encode(entity, version, new ByteSink());
      Entity decoded = EntityCodec.decode(entity.completeKey(), bytes);
      assertThat(decoded).as(() -> failure(i, entity, bytes)).isEqualTo(entity);
      assertThat(decoded.names())
          .as(() -> failure(i, entity, bytes))
          .containsExactlyElementsOf(entity.names());
      assertThat(EntityCodec.version(bytes)).as(() -> failure(i, entity, bytes)).isEqualTo(version);
    }
  }

  @Test
  void edgeCaseValuesRoundTrip() {
    Key parent = Key.of("p", "ns", "P", Long.MAX_VALUE);
    Entity nested =
        Entity.newBuilder(IncompleteKey.of(parent, "Child"))
            .set("inner", Value.list())
            .set("keyless", Value.of(Entity.newEmbeddedBuilder().set("x", Value.ofNull()).build()))
            .build();
    Entity entity =
        Entity.newBuilder(KEY)
            .set("nan", Value.of(Double.NaN))
            .set("negativeZero", Value.of(-0.0))
            .set("min", Value.of(Long.MIN_VALUE))
            .set("empty", Value.of(""))
            .set("emptyBytes", Value.of(new byte[0]).unindexed())
            .set("nul", Value.of("\0\u0001\uFFFF\uD83D\uDE00"))
            .set("emptyList", Value.list())
            .set("mixed", Value.list(Value.of(1), Value.of("a").unindexed(), Value.of(nested)))
            .set("incompleteRoot", Value.of(Entity.newBuilder(IncompleteKey.of("p", "A")).build()))
            .set("a.b", Value.of(Entity.newBuilder(parent).build()).unindexed())
            .build();
    byte[] bytes = EntityCodec.encode(entity, 0, new ByteSink());
    Entity decoded = EntityCodec.decode(KEY, bytes);
    assertThat(decoded).isEqualTo(entity);
    assertThat(Double.doubleToRawLongBits(decoded.getDouble("negativeZero")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(EntityCodec.version(bytes)).isZero();
  }

  @Test
  void everyValueTypeAndNamesAtTheLimitsDecodeAsBuiltAgainAndAgain() {
    String propertyAtLimit = "\u00e9".repeat(Entity.MAX_PROPERTY_NAME_BYTES / 2);
    String kindAtLimit = "K".repeat(PathElement.MAX_NAME_BYTES);
    String keyNameAtLimit = "\u540d".repeat(PathElement.MAX_NAME_BYTES / 3);
    Key key = Key.of("p", "ns", List.of(PathElement.of(kindAtLimit, Long.MAX_VALUE),
        PathElement.of("Child", keyNameAtLimit)));
    Entity keyless = Entity.newEmbeddedBuilder().set("x", Value.ofNull().unindexed()).build();
    Entity embeddedIncomplete = Entity.newBuilder(IncompleteKey.of(key, "E")).set("y", 1).build();
    Entity entity =
        Entity.newBuilder(key)
            .set("null", Value.ofNull())
            .set("unindexedNull", Value.ofNull().unindexed())
            .set("int", Value.of(-42))
            .set("double", Value.of(2.5).unindexed())
            .set("true", Value.of(true))
            .set("false", Value.of(false).unindexed())
            .set("string", Value.of("caf\u00e9 \uD83D\uDE00"))
            .set("bytes", Value.of(new byte[] {0, 1, (byte) 0xFF}))
            .set("timestamp", Value.timestampMicros(-1))
            .set("key", Value.of(key))
            .set("geo", Value.geoPoint(-33.9, 151.2))
            .set("user", new UserValue("a@example.com", "example.com", false))
            .set("keyless", new EntityValue(keyless, false))
            .set("complete", Value.of(Entity.newBuilder(key).set("z", "v").build()))
            .set("incomplete", Value.of(embeddedIncomplete))
            .set("list", Value.list(Value.of("a"), Value.of("b").unindexed(), Value.ofNull()))
            .set("emptyList", Value.list())
            .set(propertyAtLimit, Value.of(1))
            .set("m".repeat(NameCache.MAX_BYTES), Value.of(2))
            .set("m".repeat(NameCache.MAX_BYTES + 1), Value.of(3))
            .set("x\0y\u0001", Value.of(4))
            .set("__x", Value.of(5))
            .build();
    byte[] bytes = EntityCodec.encode(entity, 9, new ByteSink());
    // The second decode finds the names and kinds in the name cache.
    for (int pass = 0; pass < 2; pass++) {
      Entity decoded = EntityCodec.decode(key, bytes);
      assertThat(decoded).isEqualTo(entity);
      assertThat(decoded.hashCode()).isEqualTo(entity.hashCode());
      assertThat(decoded.names()).containsExactlyElementsOf(entity.names());
      for (String name : entity.names()) {
        assertThat(decoded.get(name).indexed()).as(name).isEqualTo(entity.get(name).indexed());
      }
      assertThat(((ListValue) decoded.get("list")).values())
          .extracting(Value::indexed)
          .containsExactly(true, false, true);
      assertThat(((EntityValue) decoded.get("incomplete")).value().key())
          .isEqualTo(embeddedIncomplete.key());
      assertThat(decoded.toString()).isEqualTo(entity.toString());
    }
  }

  @Test
  void aReusedSinkGivesIndependentEncodings() {
    Gen gen = new Gen(new Random(SEED), false);
    ByteSink sink = new ByteSink(16);
    Entity first = gen.entity(KEY);
    byte[] firstBytes = EntityCodec.encode(first, 1, sink);
    Entity second = gen.entity(KEY);
    byte[] secondBytes = EntityCodec.encode(second, 2, sink);
    assertThat(EntityCodec.decode(KEY, firstBytes)).as("seed %d", SEED).isEqualTo(first);
    assertThat(EntityCodec.decode(KEY, secondBytes)).as("seed %d", SEED).isEqualTo(second);
    assertThat(EntityCodec.version(firstBytes)).isEqualTo(1);
  }

  // Bytes that are not an entity.

  @Test
  void everyTruncationOfAnEncodingFailsWithStorageException() {
    Gen gen = new Gen(new Random(SEED), true);
    for (int n = 0; n < 200; n++) {
      Entity entity = gen.entity(KEY);
      byte[] bytes = EntityCodec.encode(entity, 7, new ByteSink());
      for (int len = 0; len < bytes.length; len++) {
        byte[] cut = Arrays.copyOf(bytes, len);
        assertThat(catchThrowable(() -> EntityCodec.decode(KEY, cut)))
            .as(() -> String.format("seed %d, %s cut to %s", SEED, entity, HEX.formatHex(cut)))
            .isInstanceOf(StorageException.class);
      }
    }
  }

  @Test
  void aListLengthBeyondTheInputFailsWithStorageException() {
    // One property "a" (01 0161): a list (0d) of 2^31-1 (ffffffff07) values.
    assertFailsWithStorageException(HEADER + "01" + "0161" + "0d" + "ffffffff07");
  }

  @Test
  void aByteStringLengthBeyondTheInputFailsWithStorageException() {
    // One property "a" (01 0161): bytes (07) of length 2^31-1 (ffffffff07).
    assertFailsWithStorageException(HEADER + "01" + "0161" + "07" + "ffffffff07");
  }

  @Test
  void deeplyNestedEmbeddedEntitiesFailWithStorageException() {
    StringBuilder hex = new StringBuilder(HEADER);
    for (int i = 0; i < 100_000; i++) {
      hex.append("01" + "0161" + "0c" + "00"); // one property 'a': an unindexed keyless entity
    }
    assertFailsWithStorageException(hex.append("00").toString());
  }

  @Test
  void randomBytesDecodeOrFailWithStorageExceptionOnly() {
    Random random = new Random(SEED);
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[random.nextInt(48)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && random.nextInt(4) != 0) {
        bytes[0] = 1; // the format byte, so decoding gets past it
      }
      assertDecodesOrFailsCleanly(bytes, "random bytes");
    }
  }

  @Test
  void corruptedEncodingsDecodeOrFailWithStorageExceptionOnly() {
    Gen gen = new Gen(new Random(SEED), true);
    Random random = new Random(SEED + 1);
    for (int n = 0; n < 5_000; n++) {
      byte[] bytes = EntityCodec.encode(gen.entity(KEY), 3, new ByteSink());
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        int at = random.nextInt(bytes.length);
        bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (bytes[at] ^ 0x80);
      }
      assertDecodesOrFailsCleanly(bytes, "corrupted encoding");
    }
  }

  @Test
  void anUnknownFormatOrAShortHeaderFailsWithStorageException() {
    byte[] good = EntityCodec.encode(Entity.newBuilder(KEY).set("a", 1).build(), 5, new ByteSink());
    byte[] wrongFormat = good.clone();
    wrongFormat[0] = 2;
    for (byte[] bad : List.of(new byte[0], new byte[] {1}, new byte[8], wrongFormat)) {
      assertThatThrownBy(() -> EntityCodec.decode(KEY, bad))
          .as(HEX.formatHex(bad)).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> EntityCodec.version(bad))
          .as(HEX.formatHex(bad)).isInstanceOf(StorageException.class);
    }
  }

  @Test
  void anUnknownValueTypeFailsWithStorageException() {
    // One property "a" of type 0x7f.
    byte[] bytes = HEX.parseHex(HEADER + "01" + "0161" + "7f");
    assertThatThrownBy(() -> EntityCodec.decode(KEY, bytes)).isInstanceOf(StorageException.class);
  }

  @Test
  void anInvalidStoredPropertyNameFailsWithStorageException() {
    // One property with an empty name, which the api rejects.
    byte[] bytes = HEX.parseHex(HEADER + "01" + "00" + "01");
    assertThatThrownBy(() -> EntityCodec.decode(KEY, bytes)).isInstanceOf(StorageException.class);
  }

  @Test
  void aStoredReservedPropertyNameFailsEveryTimeItIsRead() {
    // One property "__a__" (05 5f5f615f5f), null (01): reserved, so the api rejects it; the
    // second read finds the name in the name cache and must fail the same way.
    byte[] bytes = HEX.parseHex(HEADER + "01" + "05" + "5f5f615f5f" + "01");
    for (int pass = 0; pass < 2; pass++) {
      assertThatThrownBy(() -> EntityCodec.decode(KEY, bytes))
          .isInstanceOf(StorageException.class);
    }
  }

  // Helpers.

  private static void assertDecodesOrFailsCleanly(byte[] bytes, String what) {
    Throwable thrown = catchThrowable(() -> EntityCodec.decode(KEY, bytes));
    if (thrown != null) {
      assertThat(thrown)
          .as(() -> String.format("seed %d, %s %s", SEED, what, HEX.formatHex(bytes)))
          .isInstanceOf(StorageException.class);
    }
  }

  private static void assertFailsWithStorageException(String hex) {
    byte[] bytes = HEX.parseHex(hex);
    assertThat(catchThrowable(() -> EntityCodec.decode(KEY, bytes)))
        .isInstanceOf(StorageException.class);
  }

  private static String failure(int i, Entity entity, byte[] bytes) {
    return String.format(
        "seed %d (replay with -Dmegalite.seed=%d), entity #%d:%n  %s%n  = %s",
        SEED, SEED, i, entity, HEX.formatHex(bytes));
  }

  /** Random entities: every value type, lists, embedded entities with every kind of key. */
  private static final class Gen {
    private final Random r;
    private final ValueGen values;
    private final boolean small;

    /** {@code small}: no long text or blobs, to keep byte-by-byte corruption tests fast. */
    Gen(Random r, boolean small) {
      this.r = r;
      this.values = new ValueGen(r);
      this.small = small;
    }

    long version() {
      long[] edges = {0, 1, 255, 256, Long.MAX_VALUE, -1, Long.MIN_VALUE};
      return r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextLong();
    }

    Entity entity(BaseKey key) {
      return properties(Entity.newBuilder(key), 0).build();
    }

    private Entity.Builder properties(Entity.Builder b, int depth) {
      for (int n = r.nextInt(depth == 0 ? 8 : 4); n > 0; n--) {
        b.set(propertyName(), value(depth, true));
      }
      return b;
    }

    private String propertyName() {
      if (r.nextInt(4) == 0) {
        String s = values.string();
        if (!s.isEmpty() && !s.startsWith("__")) {
          return s;
        }
      }
      return PROPERTY_NAMES[r.nextInt(PROPERTY_NAMES.length)];
    }

    private Value value(int depth, boolean listAllowed) {
      int m = r.nextInt(12);
      if (m < 7) {
        return values.indexable().withIndexed(r.nextInt(4) != 0);
      } else if (m == 7 && !small) {
        return longUnindexed();
      } else if (m < 10 && listAllowed) {
        List<Value> elements = new ArrayList<>();
        for (int n = r.nextInt(5); n > 0; n--) {
          elements.add(value(depth, false));
        }
        return new ListValue(elements);
      } else if (depth < 3) {
        BaseKey key = embeddedKey();
        Entity.Builder b = key == null ? Entity.newEmbeddedBuilder() : Entity.newBuilder(key);
        return new EntityValue(properties(b, depth + 1).build(), r.nextBoolean());
      }
      return values.indexable();
    }

    private Value longUnindexed() {
      if (r.nextBoolean()) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2_000) {
          sb.append(values.string()).append('x');
        }
        return Value.of(sb.toString()).unindexed();
      }
      byte[] blob = new byte[1_500 + r.nextInt(2_000)];
      r.nextBytes(blob);
      return Value.of(blob).unindexed();
    }

    /** Null (keyless), a complete key, or an incomplete key at the root or under a parent. */
    private BaseKey embeddedKey() {
      return switch (r.nextInt(4)) {
        case 0 -> values.key();
        case 1 -> {
          Key k = values.key();
          yield IncompleteKey.of(k.project(), k.namespace(), k.kind());
        }
        case 2 -> IncompleteKey.of(values.key(), "Child");
        default -> null;
      };
    }
  }
}
