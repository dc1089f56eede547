package dev.megalite.engine.query;

import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.EntityValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.NullValue;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model-based random test of queries: random puts, overwrites and deletes, then random queries of
 * every shape the built-in indexes serve, each compared with {@link NaiveEvaluator} over a plain
 * map of what was stored (results, order, limit and offset, cursors from page to page, end
 * cursors). A third part generates shapes the built-in indexes cannot serve and expects the
 * minimal composite index.
 *
 * <p>Each case is one seed. Every run draws new seeds and every failure names its seed; {@code
 * -Dmegalite.seed=N} runs that one case again (in each of the three tests).
 */
class RandomQueryModelTest {
  static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;
  static final String SEED_PROPERTY = "megalite.seed";
  static final int MEMORY_CASES = 3_000;
  static final int ROCKS_CASES = 200;

  static final String[] KINDS = {"A", "B"};
  static final String[] NAMES = {"x", "y", "é"};
  static final String OTHER_NAMESPACE = "n1";
  /** Filterable names: top-level properties and properties of embedded entities. */
  static final String[] PROPERTIES = {"a", "b", "c", "tags", "addr.city", "addr.zip"};

  static final Value[] HOT = {
    Value.of(0), Value.of(1), Value.of(3), Value.timestampMicros(1), Value.timestampMicros(3),
    Value.of("a"), bytes("a"), Value.of(true), Value.ofNull(), Value.of(0.0),
  };
  static final Value[] ALL = {
    Value.ofNull(),
    Value.of(Long.MIN_VALUE), Value.of(-1), Value.of(0), Value.of(1), Value.of(2), Value.of(3),
    Value.of(5), Value.of(Long.MAX_VALUE),
    Value.timestampMicros(TimestampValue.MIN_MICROS), Value.timestampMicros(-1),
    Value.timestampMicros(0), Value.timestampMicros(1), Value.timestampMicros(3),
    Value.timestampMicros(5),
    Value.of(false), Value.of(true),
    Value.of(""), Value.of("a"), Value.of("ab"), Value.of("b"), Value.of("é"), Value.of("😀"),
    Value.of("\uFFFD"), Value.of("a\u0000"), Value.of("\u0001"),
    bytes(""), bytes("a"), bytes("ab"), bytes("a\u0000"), bytes("\u0001"),
    Value.of(new byte[] {(byte) 0xFF}), Value.of(new byte[] {0}),
    Value.of(Double.NEGATIVE_INFINITY), Value.of(-1.5), Value.of(-0.0), Value.of(0.0),
    Value.of(1.0), Value.of(Double.POSITIVE_INFINITY), Value.of(Double.NaN),
    Value.geoPoint(0, 0), Value.geoPoint(1, -1), Value.user("a@x.com"), Value.user("b@x.com"),
    Value.of(Key.of(PROJECT, "A", 1)), Value.of(Key.of(PROJECT, "A", "x")),
    Value.of(Key.of(PROJECT, "A", 1).child("B", 2)), Value.of(Key.of(PROJECT, "B", 1)),
    Value.of(Key.of(PROJECT, OTHER_NAMESPACE, "A", 1)),
  };

  @TempDir Path tempDir;

  @Test
  void randomQueriesOnTheInMemoryStoreReturnWhatTheModelPredicts() {
    forEachSeed(MEMORY_CASES, "in-memory", seed -> {
      try (MegaliteDatastore ds = Megalite.inMemory()) {
        new RandomQueryCase(seed, ds).run();
      }
    });
  }

  @Test
  void randomQueriesOnRocksDbReturnWhatTheModelPredicts() {
    forEachSeed(ROCKS_CASES, "RocksDB", seed -> {
      Path dir = tempDir.resolve("case-" + Long.toHexString(seed));
      try (MegaliteDatastore ds = Megalite.open(dir)) {
        new RandomQueryCase(seed, ds).run();
      }
    });
  }

  /** Runs {@code body} once per seed; a failure names its seed and how to replay it. */
  static void forEachSeed(int cases, String what, LongConsumer body) {
    String replay = System.getProperty(SEED_PROPERTY, "").strip();
    SplittableRandom seeds = new SplittableRandom();
    int n = replay.isEmpty() ? cases : 1;
    for (int i = 0; i < n; i++) {
      long seed = replay.isEmpty() ? seeds.nextLong() : Long.parseLong(replay);
      try {
        body.accept(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            what + " case with seed " + seed + " failed (replay with -D" + SEED_PROPERTY + "="
                + seed + "): " + e.getMessage(), e);
      }
    }
  }

  /** A result as compared: key and properties (none when keys-only, one when projected). */
  record Row(Key key, Map<String, Value> properties) {
    @Override
    public String toString() {
      return key + (properties.isEmpty() ? "" : " " + render(properties));
    }
  }

  // ---- rendering ----

  static Value bytes(String utf8) {
    return Value.of(utf8.getBytes(StandardCharsets.UTF_8));
  }

  static String render(Map<String, Value> properties) {
    return properties.entrySet().stream()
        .map(e -> e.getKey() + "=" + render(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Short, unambiguous value text: types tell apart values that compare equal. */
  static String render(Value v) {
    String text;
    if (v instanceof NullValue) {
      text = "null";
    } else if (v instanceof TimestampValue t) {
      text = "ts(" + t.micros() + ")";
    } else if (v instanceof DoubleValue d) {
      text = d.value() + "d";
    } else if (v instanceof StringValue s) {
      text = "'" + s.value().replace("\u0000", "\\0").replace("\u0001", "\\1") + "'";
    } else if (v instanceof BytesValue b) {
      text = "b64(" + Base64.getEncoder().encodeToString(b.value()) + ")";
    } else if (v instanceof KeyValue k) {
      text = k.value().toString();
    } else if (v instanceof GeoPointValue g) {
      text = "geo(" + g.latitude() + "," + g.longitude() + ")";
    } else if (v instanceof UserValue u) {
      text = "user(" + u.email() + ")";
    } else if (v instanceof EntityValue e) {
      text = (e.value().key() == null ? "" : e.value().key().toString())
          + render(e.value().properties());
    } else if (v instanceof ListValue l) {
      return l.values().stream().map(RandomQueryModelTest::render)
          .collect(Collectors.joining(", ", "[", "]"));
    } else {
      text = v.toString().replaceAll("^\\w+Value\\[value=(.*), indexed=\\w+]$", "$1");
    }
    return v.indexed() ? text : text + "~";
  }
}
