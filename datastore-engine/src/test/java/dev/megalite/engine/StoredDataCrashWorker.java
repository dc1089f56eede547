package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link StoredDataCrashIT}: several threads put, update and delete batches
 * of entities of two kinds (multi-valued, some with long unindexed text) on a store with a
 * composite index file, printing {@code ok} after each acknowledged batch. Prints {@code READY}
 * first. Runs until killed, or stops on its own after {@link #MAX_MILLIS}.
 *
 * <p>Arguments: data directory, index file, threads, seed.
 */
final class StoredDataCrashWorker {
  static final String READY = "READY";
  private static final long MAX_MILLIS = 120_000;

  private StoredDataCrashWorker() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    Path indexFile = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256), false,
        StandardCharsets.UTF_8);
    MegaliteDatastore ds = Megalite.open(
        MegaliteOptions.newBuilder().dataDir(dir).indexFile(indexFile).build());
    out.println(READY);
    out.flush();
    long stopAt = System.nanoTime() + MAX_MILLIS * 1_000_000;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random rnd = new Random(seed * 31 + t);
      Thread w = new Thread(() -> {
        while (System.nanoTime() - stopAt < 0) {
          write(ds, rnd);
          synchronized (out) {
            out.println("ok");
            out.flush();
          }
        }
      }, "writer-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    ds.close();
  }

  private static void write(MegaliteDatastore ds, Random rnd) {
    if (rnd.nextInt(4) == 0) {
      List<Key> keys = new ArrayList<>();
      for (int i = rnd.nextInt(5); i >= 0; i--) {
        keys.add(key(ds, rnd));
      }
      ds.delete(keys);
      return;
    }
    List<Entity> batch = new ArrayList<>();
    for (int i = rnd.nextInt(8); i >= 0; i--) {
      Entity.Builder b = Entity.newBuilder(key(ds, rnd))
          .set("tag", Value.of("t" + rnd.nextInt(5)), Value.of("t" + rnd.nextInt(5)))
          .set("n", rnd.nextInt(100));
      if (rnd.nextBoolean()) {
        b.set("text", Value.of("z".repeat(rnd.nextInt(500))).unindexed());
      }
      batch.add(b.build());
    }
    ds.put(batch);
  }

  private static Key key(MegaliteDatastore ds, Random rnd) {
    return ds.newKey("Group", 1 + rnd.nextInt(50))
        .child(rnd.nextBoolean() ? "Doc" : "Memo", 1 + rnd.nextInt(2_000));
  }
}
