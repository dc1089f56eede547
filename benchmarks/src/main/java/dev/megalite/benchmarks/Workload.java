package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic benchmark entities of kind {@value #KIND}, made on demand: entity {@code i} is a
 * pure function of the seed and {@code i}, so no run holds the workload in memory (a 10-million
 * entity run fits in a small heap) and every system sees identical data.
 *
 * <p>Ids are a bijective scramble of {@code i}, so they are unique without a set and do not arrive
 * in key order. Every {@value #CHILD_EVERY}th entity is a child of one of {@value #PARENTS} parent
 * keys of kind {@value #PARENT_KIND} (which are never stored, as App Engine allows), so an ancestor
 * query on one parent returns about 1%. Ten properties, about 300 bytes encoded: eleven indexed
 * values (one property is a list of three strings, one text is unindexed), so each entity has one
 * entity row, one kind-index row, eleven property-index rows and its entity-group row.
 */
final class Workload {
  static final String KIND = "Bench";
  static final String PARENT_KIND = "BenchParent";
  /** {@code bucket} is uniform over [0, BUCKETS): an equality on it selects about 1%. */
  static final int BUCKETS = 100;

  static final int QUERY_BUCKET = 42;
  static final int CHILD_EVERY = 10;
  static final int PARENTS = 10;
  /** The parent whose children the ancestor query returns. */
  static final int QUERY_PARENT = 3;

  private static final long ID_MASK = (1L << 52) - 1;
  private static final long CREATED_BASE_MICROS = 1_704_067_200_000_000L; // 2024-01-01T00:00Z
  private static final long YEAR = 365L * 24 * 3600 * 1_000_000;
  private static final String[] CITIES = {
    "Amsterdam", "Berlin", "Chicago", "Dublin", "Edinburgh", "Frankfurt", "Geneva", "Helsinki",
    "Istanbul", "Johannesburg", "Kyoto", "Lisbon", "Madrid", "Nairobi", "Oslo", "Prague",
  };
  private static final String[] TAGS = new String[64];

  static {
    String[] words = {"red", "green", "blue", "amber", "black", "white", "cyan", "gold"};
    for (int i = 0; i < TAGS.length; i++) {
      TAGS[i] = words[i % 8] + "-" + words[i / 8];
    }
  }

  private final String project;
  private final int size;
  private final long seed;

  private Workload(String project, int size, long seed) {
    this.project = project;
    this.size = size;
    this.seed = seed;
  }

  /** {@code size} entities of project {@code project}; equal arguments give equal entities. */
  static Workload of(String project, int size, long seed) {
    return new Workload(project, size, seed);
  }

  int size() {
    return size;
  }

  String project() {
    return project;
  }

  /** The key of entity {@code i}: a root key, or for every tenth entity a parent's child. */
  Key key(int i) {
    long id = 1 + scramble((i + mix(seed)) & ID_MASK); // [1, 2^52]
    if (i % CHILD_EVERY == 0) {
      return parent((i / CHILD_EVERY) % PARENTS).child(KIND, id);
    }
    return Key.of(project, KIND, id);
  }

  Key parent(int p) {
    return Key.of(project, PARENT_KIND, p + 1);
  }

  Entity entity(int i) {
    Random rnd = random(i);
    int bucket = rnd.nextInt(BUCKETS); // first draw: bucket(i) repeats it cheaply
    String name = "user-" + Long.toString(rnd.nextLong() >>> 16, 36);
    String email = name + "@example" + rnd.nextInt(10) + ".com";
    long created = CREATED_BASE_MICROS + (long) (rnd.nextDouble() * YEAR);
    return Entity.newBuilder(key(i))
        .set("name", name)
        .set("email", email)
        .set("bucket", bucket)
        .set("created", new TimestampValue(created, true))
        .set("tags", Value.of(tag(rnd)), Value.of(tag(rnd)), Value.of(tag(rnd)))
        .set("score", rnd.nextDouble() * 1000)
        .set("active", rnd.nextBoolean())
        .set("visits", rnd.nextInt(1_000_000))
        .set("city", CITIES[rnd.nextInt(CITIES.length)])
        .set("bio", Value.of(text(rnd, 96)).unindexed())
        .build();
  }

  /** Entities {@code from} (inclusive) to {@code to} (exclusive), made now. */
  List<Entity> entities(int from, int to) {
    List<Entity> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(entity(i));
    }
    return out;
  }

  List<Key> keys(int from, int to) {
    List<Key> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(key(i));
    }
    return out;
  }

  /** How many entities have {@code bucket == b}: the size of the equality query's answer. */
  int countBucket(int b) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (random(i).nextInt(BUCKETS) == b) {
        n++;
      }
    }
    return n;
  }

  /** How many entities are children of parent {@code p}: the ancestor query's answer. */
  int countChildren(int p) {
    int children = (size + CHILD_EVERY - 1) / CHILD_EVERY; // entities 0, 10, 20, …
    return children / PARENTS + (children % PARENTS > p ? 1 : 0);
  }

  /** Mean size of the stored entity value (what {@link EntityCodec} writes), over a sample. */
  double meanEncodedBytes() {
    ByteSink sink = new ByteSink(512);
    int n = Math.min(size, 10_000);
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += EntityCodec.encode(entity(i), 0, sink).length;
    }
    return (double) total / n;
  }

  /** Lower-case words and spaces, {@code length} characters. */
  static String text(Random rnd, int length) {
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length) {
      int word = 2 + rnd.nextInt(8);
      for (int i = 0; i < word && sb.length() < length; i++) {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
      if (sb.length() < length) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  private Random random(int i) {
    return new Random(mix(seed ^ (i * 0x9E3779B97F4A7C15L)));
  }

  private static String tag(Random rnd) {
    return TAGS[rnd.nextInt(TAGS.length)];
  }

  /** A bijection of [0, 2^52): odd multipliers and right xor-shifts are each invertible. */
  static long scramble(long x) {
    x = (x * 0x9E3779B97F4A7C15L) & ID_MASK;
    x ^= x >>> 26;
    x = (x * 0xBF58476D1CE4E5B9L) & ID_MASK;
    x ^= x >>> 23;
    return x;
  }

  /** SplitMix64's finaliser: spreads a seed over all 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
