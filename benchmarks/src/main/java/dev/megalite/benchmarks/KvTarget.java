package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import java.util.List;
import java.util.Random;

/**
 * What {@link ConcurrencyBenchmark}'s workers call: single-entity reads and writes of about 1 KB
 * entities, from many threads at once. Implementations must be thread-safe. The embedded ones are
 * {@link #megalite} and {@link RawKvTarget}; {@link ServerKvTarget} goes through the emulator
 * server with the official Cloud Datastore Java client.
 */
interface KvTarget extends AutoCloseable {
  String KIND = "Kv";
  /** Payload strings are taken from this many, so that workers need not make text. */
  int PAYLOADS = 256;
  int PAYLOAD_CHARS = 950;

  /** Writes entity {@code id} (a new key, or an existing one overwritten). */
  void write(long id);

  /** Reads entity {@code id}; throws if it is missing. */
  void read(long id);

  @Override
  void close();

  /** The entity with id {@code id}: four indexed properties and an unindexed ~950-byte text. */
  static Entity entity(long id) {
    return Entity.newBuilder(key(id))
        .set("owner", "user-" + (id % 10_000))
        .set("n", id)
        .set("at", new TimestampValue(1_704_067_200_000_000L + id % 31_536_000_000_000L, true))
        .set("score", (id % 1000) / 10.0)
        .set("payload", Value.of(Payloads.POOL.get((int) (id % PAYLOADS))).unindexed())
        .build();
  }

  static Key key(long id) {
    return Key.of(MegaliteOptions.DEFAULT_PROJECT, KIND, id);
  }

  /** Mean encoded size of the entities, in bytes: what a read or write moves. */
  static double meanEntityBytes() {
    ByteSink sink = new ByteSink(2048);
    long total = 0;
    for (int i = 1; i <= PAYLOADS; i++) {
      total += EntityCodec.encode(entity(i), 0, sink).length;
    }
    return (double) total / PAYLOADS;
  }

  /** The payload texts, made once. */
  final class Payloads {
    static final List<String> POOL;

    static {
      Random rnd = new Random(7);
      String[] pool = new String[PAYLOADS];
      for (int i = 0; i < PAYLOADS; i++) {
        pool[i] = Workload.text(rnd, PAYLOAD_CHARS);
      }
      POOL = List.of(pool);
    }

    private Payloads() {}
  }

  /** Megalite's single-entity put and get through its public API. */
  static KvTarget megalite(MegaliteDatastore ds) {
    return new KvTarget() {
      @Override
      public void write(long id) {
        ds.put(entity(id));
      }

      @Override
      public void read(long id) {
        if (ds.get(key(id)) == null) {
          throw new IllegalStateException("Megalite lost entity " + id);
        }
      }

      @Override
      public void close() {
        ds.close();
      }
    };
  }
}
