package dev.megalite.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.engine.testing.ReferenceOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the tuple codec, checked on random values against {@link ReferenceOrder}, which
 * was written from App Engine's documentation independently of the codec.
 *
 * <p>Each run draws a new seed; every failure message names it, and {@code
 * -Dmegalite.seed=<seed>} replays the run exactly.
 */
class TupleCodecPropertyTest {
  static final long SEED = Long.getLong("megalite.seed", ThreadLocalRandom.current().nextLong());
  private static final HexFormat HEX = HexFormat.of();
  private static final int PAIRS = 20_000;

  // Order.

  @Test
  void encodedBytesOrderRandomValuePairsAsAppEngineDoes() {
    // Arrays.compareUnsigned is 0 only for identical arrays, so values the reference orders as
    // equal (integer 5 and timestamp 5, string "ab" and bytes "ab") must encode identically.
    forRandomPairs((i, a, b, gen) -> {
      byte[] ea = enc(a);
      byte[] eb = enc(b);
      assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb)))
          .as(() -> failure(i, "compare(enc(a), enc(b))", a, b, ea, eb))
          .isEqualTo(Integer.signum(ReferenceOrder.compare(a, b)));
    });
  }

  @Test
  void valuesAppEngineOrdersAsEqualEncodeToIdenticalBytes() {
    forRandomPairs((i, a, ignored, gen) -> {
      Value b = gen.twin(a);
      byte[] ea = enc(a);
      byte[] eb = enc(b);
      assertThat(ReferenceOrder.compare(a, b)).as(() -> failure(i, "twins", a, b, ea, eb)).isZero();
      assertThat(ea).as(() -> failure(i, "twins encode equal", a, b, ea, eb)).isEqualTo(eb);
    });
  }

  @Test
  void descendingEncodingIsTheInverseAndReversesTheOrderExactly() {
    forRandomPairs((i, a, b, gen) -> {
      byte[] da = new TupleWriter().valueDescending(a).toByteArray();
      byte[] db = new TupleWriter().valueDescending(b).toByteArray();
      assertThat(da)
          .as(() -> failure(i, "desc(a) == ~enc(a)", a, b, da, db))
          .isEqualTo(Bytes.invert(enc(a)));
      assertThat(Integer.signum(Arrays.compareUnsigned(da, db)))
          .as(() -> failure(i, "compare(desc(a), desc(b))", a, b, da, db))
          .isEqualTo(-Integer.signum(ReferenceOrder.compare(a, b)));
    });
  }

  @Test
  void aValueFollowedByAKeyPathOrdersByTheValueFirstInBothDirections() {
    // Index rows are value + path; this holds only if every encoding is prefix-free.
    forRandomPairs((i, a, b, gen) -> {
      Key ka = gen.key();
      Key kb = gen.nearKey(ka);
      Key kb2 = i % 2 == 0 ? ka : kb;
      int byValue = Integer.signum(ReferenceOrder.compare(a, b));
      int byPath = Integer.signum(Key.comparePaths(ka.path(), kb2.path()));
      String paths = "paths " + show(ka) + " / " + show(kb2);
      byte[] ra = new TupleWriter().value(a).path(ka.path()).toByteArray();
      byte[] rb = new TupleWriter().value(b).path(kb2.path()).toByteArray();
      assertThat(Integer.signum(Arrays.compareUnsigned(ra, rb)))
          .as(() -> failure(i, "ascending row, " + paths, a, b, ra, rb))
          .isEqualTo(byValue != 0 ? byValue : byPath);
      byte[] da = new TupleWriter().valueDescending(a).path(ka.path()).toByteArray();
      byte[] db = new TupleWriter().valueDescending(b).path(kb2.path()).toByteArray();
      assertThat(Integer.signum(Arrays.compareUnsigned(da, db)))
          .as(() -> failure(i, "descending row, " + paths, a, b, da, db))
          .isEqualTo(byValue != 0 ? -byValue : byPath);
    });
  }

  // Decoding and skipping.

  @Test
  void decodingAnEncodingWithItsMeaningGivesBackAnEqualValue() {
    forRandomPairs((i, v, ignored, gen) -> {
      byte[] e = enc(v);
      TupleReader reader = new TupleReader(e);
      Value decoded = reader.value(TupleWriter.meaning(v));
      assertThat(decoded).as(() -> failure(i, "round trip", v, v, e, e)).isEqualTo(v);
      assertThat(reader.position())
          .as(() -> failure(i, "read to the end", v, v, e, e))
          .isEqualTo(e.length);
    });
  }

  @Test
  void skipValueStopsExactlyAtTheEndOfAnEncodingWhateverSurroundsIt() {
    forRandomPairs((i, v, ignored, gen) -> {
      byte[] e = enc(v);
      byte[] before = gen.rawBytes(4);
      byte[] row = Bytes.concat(Bytes.concat(before, e), gen.rawBytes(12));
      assertThat(new TupleReader(row, before.length).skipValue(false))
          .as(() -> failure(i, "skip ascending in " + HEX.formatHex(row), v, v, e, e))
          .isEqualTo(before.length + e.length);
      byte[] inverted = Bytes.concat(Bytes.concat(before, Bytes.invert(e)), gen.rawBytes(12));
      assertThat(new TupleReader(inverted, before.length).skipValue(true))
          .as(() -> failure(i, "skip inverted in " + HEX.formatHex(inverted), v, v, e, e))
          .isEqualTo(before.length + e.length);
    });
  }

  // Paths.

  @Test
  void pathEncodingsOrderAsKeyComparePaths() {
    Random random = new Random(SEED);
    ValueGen gen = new ValueGen(random);
    List<Key> keys = gen.family(400);
    for (int i = 0; i < PAIRS; i++) {
      Key a = keys.get(random.nextInt(keys.size()));
      Key b = keys.get(random.nextInt(keys.size()));
      byte[] pa = RowKeys.path(a.path());
      byte[] pb = RowKeys.path(b.path());
      assertThat(Integer.signum(Arrays.compareUnsigned(pa, pb)))
          .as(() -> keyFailure("path order", a, b, pa, pb))
          .isEqualTo(Integer.signum(Key.comparePaths(a.path(), b.path())));
    }
  }

  @Test
  void anAncestorsPathPrefixStartsExactlyItsOwnAndItsDescendantsPaths() {
    Random random = new Random(SEED);
    List<Key> keys = new ValueGen(random).family(300);
    for (Key ancestor : keys) {
      byte[] prefix = RowKeys.pathPrefix(ancestor.path());
      for (Key k : keys) {
        byte[] path = RowKeys.path(k.path());
        assertThat(Bytes.startsWith(path, prefix))
            .as(() -> keyFailure("a's prefix starts b's path", ancestor, k, prefix, path))
            .isEqualTo(ancestor.isAncestorOf(k));
      }
    }
  }

  @Test
  void entityRowKeysOrderAsKeysAndDecodeBackAcrossProjectsAndNamespaces() {
    Random random = new Random(SEED);
    ValueGen gen = new ValueGen(random);
    for (int i = 0; i < PAIRS; i++) {
      Key a = gen.key();
      Key b = gen.nearKey(a);
      byte[] ra = RowKeys.entity(a);
      byte[] rb = RowKeys.entity(b);
      assertThat(Integer.signum(Arrays.compareUnsigned(ra, rb)))
          .as(() -> keyFailure("entity row order", a, b, ra, rb))
          .isEqualTo(Integer.signum(ReferenceOrder.keys(a, b)));
      assertThat(RowKeys.entityKey(ra))
          .as(() -> keyFailure("entity row decodes", a, a, ra, ra))
          .isEqualTo(a);
      assertThat(Bytes.startsWith(rb, RowKeys.entityDescendants(a)))
          .as(() -> keyFailure("descendant prefix", a, b, ra, rb))
          .isEqualTo(a.isAncestorOf(b));
    }
  }

  @Test
  void keysWithEscapedAndLimitLengthNamesDecodeBackFromRowsAgainAndAgain() {
    String m = "m".repeat(NameCache.MAX_BYTES);
    List<Key> keys = List.of(
        Key.of("p", "ns", "x\0y\u0001z", "n\0\u0001"),
        Key.of("p", "", List.of(PathElement.of(m, 1), PathElement.of(m + "m", 2))),
        Key.of("p", "", "K".repeat(PathElement.MAX_NAME_BYTES), "\u540d".repeat(500)),
        Key.of("p.x:y", "a-b_c.d", "\u00e9\uD83D\uDE00", 3));
    // The second pass finds the projects, namespaces and kinds in the name cache.
    for (int pass = 0; pass < 2; pass++) {
      for (Key k : keys) {
        assertThat(RowKeys.entityKey(RowKeys.entity(k))).isEqualTo(k);
        byte[] row = RowKeys.path(k.path());
        assertThat(RowKeys.keyAt(k.project(), k.namespace(), row, 0)).isEqualTo(k);
        assertThat(RowKeys.valueAt(RowKeys.value(Value.of(k)), 0, 0)).isEqualTo(Value.of(k));
      }
    }
  }

  // Range ends.

  @Test
  void prefixEndIsAboveEveryExtensionOfThePrefixAndAtMostAnyLargerString() {
    Random random = new Random(SEED);
    ValueGen gen = new ValueGen(random);
    for (int i = 0; i < PAIRS; i++) {
      byte[] prefix = gen.edgyBytes(5);
      byte[] end = Bytes.prefixEnd(prefix);
      byte[] s =
          random.nextBoolean() ? Bytes.concat(prefix, gen.edgyBytes(3)) : gen.nearBytes(prefix);
      String what =
          "seed " + SEED + " #" + i + ": prefix " + HEX.formatHex(prefix) + ", end "
              + (end == null ? "null" : HEX.formatHex(end)) + ", string " + HEX.formatHex(s);
      if (end == null) {
        assertThat(allFf(prefix)).as(what).isTrue();
        continue;
      }
      assertThat(Bytes.startsWith(end, prefix)).as(what).isFalse();
      if (Bytes.startsWith(s, prefix)) {
        assertThat(Arrays.compareUnsigned(s, end)).as(what).isNegative();
      } else if (Arrays.compareUnsigned(s, prefix) > 0) {
        assertThat(Arrays.compareUnsigned(end, s)).as(what).isNotPositive();
      }
    }
  }

  @Test
  void prefixEndOfAnEmptyOrAllFfPrefixIsNullAndOtherwiseDropsTrailingFfBytes() {
    assertThat(Bytes.prefixEnd(new byte[0])).isNull();
    assertThat(Bytes.prefixEnd(HEX.parseHex("ffff"))).isNull();
    assertThat(Bytes.prefixEnd(HEX.parseHex("01ff"))).isEqualTo(HEX.parseHex("02"));
    assertThat(Bytes.prefixEnd(HEX.parseHex("00fe"))).isEqualTo(HEX.parseHex("00ff"));
  }

  // Documented edge cases, each list in the order ReferenceOrder gives.

  @Test
  void doublesOrderNegativeZeroBeforeZeroAndNanLast() {
    assertStrictlyAscending(
        Value.of(Double.NEGATIVE_INFINITY),
        Value.of(-Double.MAX_VALUE),
        Value.of(-1.0),
        Value.of(-Double.MIN_VALUE),
        Value.of(-0.0),
        Value.of(0.0),
        Value.of(Double.MIN_VALUE),
        Value.of(1.0),
        Value.of(Double.MAX_VALUE),
        Value.of(Double.POSITIVE_INFINITY),
        Value.of(Double.NaN));
  }

  @Test
  void nanWithAnyPayloadEncodesAsTheOneNan() {
    Value quiet = Value.of(Double.NaN);
    Value other = Value.of(Double.longBitsToDouble(0xfff0_0000_0000_0001L));
    assertThat(ReferenceOrder.compare(quiet, other)).isZero();
    assertThat(enc(other)).isEqualTo(enc(quiet));
  }

  @Test
  void integersOrderFromMinThroughZeroToMaxOnOneLineWithTimestamps() {
    assertStrictlyAscending(
        Value.of(Long.MIN_VALUE),
        Value.timestampMicros(TimestampValue.MIN_MICROS),
        Value.of(-1),
        Value.timestampMicros(0),
        Value.of(1),
        Value.timestampMicros(2),
        Value.of(TimestampValue.MAX_MICROS + 1),
        Value.of(Long.MAX_VALUE));
  }

  @Test
  void typesOrderNullIntegerBooleanStringDoubleGeoUserKey() {
    assertStrictlyAscending(
        Value.ofNull(),
        Value.of(Long.MAX_VALUE),
        Value.of(false),
        Value.of(true),
        Value.of(""),
        Value.of(new byte[] {(byte) 0xff}),
        Value.of(Double.NEGATIVE_INFINITY),
        Value.of(Double.NaN),
        Value.geoPoint(-90, -180),
        Value.geoPoint(90, 180),
        Value.user("a"),
        Value.of(Key.of("a", "A", 1)));
  }

  @Test
  void stringWithNulSortsAfterItsPrefixAndBeforeTheStringWithByteOne() {
    assertStrictlyAscending(
        Value.of(""),
        Value.of("a"),
        Value.of("a\0"),
        Value.of("a\0\0"),
        Value.of("a\0\u0001"),
        Value.of("a\u0001"),
        Value.of("a\u0002"),
        Value.of("aa"),
        Value.of("b"));
  }

  @Test
  void supplementaryCharactersSortAfterUffffAsUtf8Bytes() {
    // UTF-16 order would put U+1F600 (a surrogate pair, D83D DE00) before U+FFFF.
    assertStrictlyAscending(
        Value.of("\u00ff"), Value.of("\uFFFF"), Value.of("\uD83D\uDE00"), Value.of("\uDBFF\uDFFF"));
  }

  @Test
  void integerAndTimestampOfOneNumberEncodeEqualAndDecodeToTheirOwnTypes() {
    Value integer = Value.of(5);
    Value timestamp = Value.timestampMicros(5);
    assertThat(ReferenceOrder.compare(integer, timestamp)).isZero();
    assertThat(enc(integer)).isEqualTo(enc(timestamp));
    assertThat(new TupleReader(enc(integer)).value(TupleWriter.meaning(integer)))
        .isEqualTo(integer);
    assertThat(new TupleReader(enc(timestamp)).value(TupleWriter.meaning(timestamp)))
        .isEqualTo(timestamp);
  }

  @Test
  void stringAndBytesWithTheSameBytesEncodeEqualAndDecodeToTheirOwnTypes() {
    Value string = Value.of("a\0b");
    Value bytes = Value.of(new byte[] {'a', 0, 'b'});
    assertThat(ReferenceOrder.compare(string, bytes)).isZero();
    assertThat(enc(string)).isEqualTo(enc(bytes));
    assertThat(new TupleReader(enc(string)).value(TupleWriter.meaning(string))).isEqualTo(string);
    assertThat(new TupleReader(enc(bytes)).value(TupleWriter.meaning(bytes))).isEqualTo(bytes);
  }

  @Test
  void keysOrderParentBeforeChildIdsBeforeNamesAndByProjectThenNamespace() {
    Key parent = Key.of("p", "A", 7);
    assertStrictlyAscending(
        Value.of(parent),
        Value.of(parent.child("A", Long.MAX_VALUE)),
        Value.of(parent.child("A", "\0")),
        Value.of(parent.child("B", 1)),
        Value.of(Key.of("p", "A", 8)),
        Value.of(Key.of("p", "A", "a")),
        Value.of(Key.of("p", "n", "A", 1)),
        Value.of(Key.of("q", "A", 1)));
  }

  @Test
  void listsAndEmbeddedEntitiesAreNotIndexValues() {
    assertThatThrownBy(() -> new TupleWriter().value(Value.list(Value.of(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TupleWriter().value(Value.of(Entity.newEmbeddedBuilder().build())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Helpers.

  @FunctionalInterface
  private interface PairCheck {
    void check(int i, Value a, Value b, ValueGen gen);
  }

  /** Runs {@code check} on {@link #PAIRS} random pairs, the second value mostly near the first. */
  private static void forRandomPairs(PairCheck check) {
    ValueGen gen = new ValueGen(new Random(SEED));
    for (int i = 0; i < PAIRS; i++) {
      Value a = gen.indexable();
      check.check(i, a, gen.pairedWith(a), gen);
    }
  }

  static byte[] enc(Value v) {
    return new TupleWriter().value(v).toByteArray();
  }

  /** Checks that ReferenceOrder agrees with the listed order and that encodings follow it. */
  private static void assertStrictlyAscending(Value... values) {
    for (int i = 1; i < values.length; i++) {
      Value a = values[i - 1];
      Value b = values[i];
      assertThat(ReferenceOrder.compare(a, b)).as("reference: %s < %s", show(a), show(b))
          .isNegative();
      assertThat(Arrays.compareUnsigned(enc(a), enc(b)))
          .as("encoded: %s < %s (%s, %s)", show(a), show(b), HEX.formatHex(enc(a)),
              HEX.formatHex(enc(b)))
          .isNegative();
    }
  }

  private static boolean allFf(byte[] b) {
    for (byte x : b) {
      if (x != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }

  private static String failure(int i, String what, Value a, Value b, byte[] ea, byte[] eb) {
    return String.format(
        "seed %d (replay with -Dmegalite.seed=%d), pair #%d, %s:%n  a = %s%n    = %s%n  b = %s%n"
            + "    = %s",
        SEED, SEED, i, what, show(a), HEX.formatHex(ea), show(b), HEX.formatHex(eb));
  }

  private static String keyFailure(String what, Key a, Key b, byte[] ea, byte[] eb) {
    return String.format(
        "seed %d (replay with -Dmegalite.seed=%d), %s:%n  a = %s%n    = %s%n  b = %s%n    = %s",
        SEED, SEED, what, show(a), HEX.formatHex(ea), show(b), HEX.formatHex(eb));
  }

  /** An unambiguous, Java-literal-like rendering, so a failure message is a reproduction. */
  static String show(Value v) {
    if (v instanceof StringValue s) {
      return "string " + quote(s.value());
    } else if (v instanceof BytesValue b) {
      return "bytes " + HEX.formatHex(b.value());
    } else if (v instanceof DoubleValue d) {
      return "double " + d.value() + " (bits " + Long.toHexString(
          Double.doubleToRawLongBits(d.value())) + ")";
    } else if (v instanceof UserValue u) {
      return "user " + quote(u.email()) + " / " + quote(u.authDomain());
    } else if (v instanceof KeyValue k) {
      return "key " + show(k.value());
    }
    return v.toString();
  }

  static String show(Key k) {
    StringBuilder sb = new StringBuilder(quote(k.project()) + "/" + quote(k.namespace()));
    for (PathElement e : k.path()) {
      sb.append(", ").append(quote(e.kind())).append(':');
      sb.append(e.hasName() ? quote(e.name()) : Long.toString(e.id()));
    }
    return sb.toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.chars()
        .forEach(
            c ->
                sb.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                        ? String.valueOf((char) c)
                        : String.format("\\u%04x", c)));
    return sb.append('"').toString();
  }

}
