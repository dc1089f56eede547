package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark entities of kind {@value #KIND}: root keys with ids drawn from a seeded
 * random generator (so keys do not arrive in key order), ten properties, about 300 bytes encoded.
 * Eleven values are indexed (one property is a list of three strings, one long text is not), so
 * each entity has one entity row, one kind-index row, eleven property-index rows and one
 * entity-group row.
 */
final class Workload {
  static final String KIND = "Bench";
  /** {@code bucket} is uniform over [0, BUCKETS): an equality on it selects about 1%. */
  static final int BUCKETS = 100;

  static final int QUERY_BUCKET = 42;

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

  private final List<Entity> entities;
  private final List<Key> keys;

  private Workload(List<Entity> entities) {
    this.entities = List.copyOf(entities);
    List<Key> ks = new ArrayList<>(entities.size());
    for (Entity e : entities) {
      ks.add(e.completeKey());
    }
    this.keys = List.copyOf(ks);
  }

  /** {@code count} entities of project {@code project}; equal arguments give equal entities. */
  static Workload generate(String project, int count, long seed) {
    Random rnd = new Random(seed);
    Set<Long> ids = new HashSet<>(count * 2);
    List<Entity> out = new ArrayList<>(count);
    while (out.size() < count) {
      long id = 1 + (rnd.nextLong() >>> 12); // [1, 2^52]: random, so puts are not in key order
      if (ids.add(id)) {
        out.add(entity(Key.of(project, KIND, id), rnd));
      }
    }
    return new Workload(out);
  }

  private static Entity entity(Key key, Random rnd) {
    String name = "user-" + Long.toString(rnd.nextLong() >>> 16, 36);
    String email = name + "@example" + rnd.nextInt(10) + ".com";
    int bucket = rnd.nextInt(BUCKETS);
    long created = CREATED_BASE_MICROS + (long) (rnd.nextDouble() * YEAR);
    return Entity.newBuilder(key)
        .set("name", name)
        .set("email", email)
        .set("bucket", bucket)
        .set("created", Value.timestampMicros(created))
        .set("tags", Value.of(tag(rnd)), Value.of(tag(rnd)), Value.of(tag(rnd)))
        .set("score", rnd.nextDouble() * 1000)
        .set("active", rnd.nextBoolean())
        .set("visits", rnd.nextInt(1_000_000))
        .set("city", CITIES[rnd.nextInt(CITIES.length)])
        .set("bio", Value.of(text(rnd, 96)).unindexed())
        .build();
  }

  private static String tag(Random rnd) {
    return TAGS[rnd.nextInt(TAGS.length)];
  }

  private static String text(Random rnd, int length) {
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

  List<Entity> entities() {
    return entities;
  }

  List<Key> keys() {
    return keys;
  }

  int size() {
    return entities.size();
  }

  /** The first {@code n} entities (all of them when there are fewer). */
  Workload head(int n) {
    return new Workload(entities.subList(0, Math.min(n, entities.size())));
  }

  /** How many entities have {@code bucket == b}: the expected size of the equality query. */
  int countBucket(int b) {
    int n = 0;
    for (Entity e : entities) {
      if (e.getLong("bucket") == b) {
        n++;
      }
    }
    return n;
  }

  /** Mean size of the stored entity value (what {@link EntityCodec} writes), in bytes. */
  double meanEncodedBytes() {
    ByteSink sink = new ByteSink(512);
    long total = 0;
    for (Entity e : entities) {
      total += EntityCodec.encode(e, 0, sink).length;
    }
    return (double) total / entities.size();
  }
}
