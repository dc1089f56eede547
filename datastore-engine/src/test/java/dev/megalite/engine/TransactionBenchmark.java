package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.ConcurrentModificationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Transaction throughput on RocksDB, not a test: uncontended single-entity transactions (one
 * thread, get + put of one entity per transaction), 8 threads on one entity group (each thread
 * its own entity, so every conflict is a group conflict), 8 threads over 64 groups; each without
 * and with {@code sync}. Every figure is the best of several runs, each on a fresh store, with
 * the spread over the runs.
 *
 * <p>Arguments (all optional): seconds measured per run (default 3), runs (default 3), parent
 * directory of the temporary stores (default the system temp directory).
 */
final class TransactionBenchmark {
  private static final double WARM_UP_SECONDS = 1;
  /** Enough that contention alone never makes a transaction give up. */
  private static final TransactionOptions PATIENT =
      TransactionOptions.newBuilder().retries(100).build();

  private TransactionBenchmark() {}

  private record Scenario(String name, int threads, int groups) {}

  private record Run(double commitsPerSecond, double retriesPerCommit) {}

  public static void main(String[] args) throws InterruptedException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path parent = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
    List<Scenario> scenarios = List.of(
        new Scenario("uncontended, 1 thread, 1 entity", 1, 0),
        new Scenario("8 threads, 1 group", 8, 1),
        new Scenario("8 threads, 64 groups", 8, 64));

    System.out.printf(Locale.ROOT, "%d cores, %s s per run, best of %d runs, stores under %s%n",
        Runtime.getRuntime().availableProcessors(), seconds, runs, parent);
    System.out.printf(Locale.ROOT, "%-5s %-34s %12s %12s %12s %8s %14s%n",
        "sync", "scenario", "best txn/s", "min txn/s", "max txn/s", "spread", "retries/commit");
    for (boolean sync : new boolean[] {false, true}) {
      for (Scenario s : scenarios) {
        List<Run> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          results.add(run(s, sync, seconds, parent));
        }
        Run best = results.stream().max(Comparator.comparingDouble(Run::commitsPerSecond)).get();
        double min = results.stream().mapToDouble(Run::commitsPerSecond).min().getAsDouble();
        System.out.printf(Locale.ROOT, "%-5s %-34s %,12.0f %,12.0f %,12.0f %7.1f%% %14.3f%n",
            sync ? "on" : "off", s.name(), best.commitsPerSecond(), min, best.commitsPerSecond(),
            100 * (best.commitsPerSecond() - min) / best.commitsPerSecond(),
            best.retriesPerCommit());
      }
    }
  }

  /** One run on a fresh store: warm up, then count the commits of {@code seconds}. */
  private static Run run(Scenario s, boolean sync, double seconds, Path parent)
      throws InterruptedException {
    Path dir = createTempDir(parent);
    try (MegaliteDatastore ds =
        Megalite.open(MegaliteOptions.newBuilder().dataDir(dir).sync(sync).build())) {
      List<List<Key>> keysOf = keys(ds, s);
      for (List<Key> keys : keysOf) {
        for (Key k : keys) {
          ds.put(Entity.newBuilder(k).set("n", 0).set("owner", "bench").build());
        }
      }
      LongAdder commits = new LongAdder();
      LongAdder attempts = new LongAdder();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < s.threads(); t++) {
        List<Key> keys = keysOf.get(t);
        Thread thread = new Thread(() -> {
          while (!stop.get()) {
            Key key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            try {
              ds.runInTransaction(PATIENT, txn -> {
                attempts.increment();
                Entity e = txn.get(key);
                return txn.put(e.toBuilder().set("n", e.getLong("n") + 1).build());
              });
              commits.increment();
            } catch (ConcurrentModificationException gaveUp) {
              // counted as attempts without a commit
            }
          }
        }, "bench-" + t);
        threads.add(thread);
        thread.start();
      }
      Thread.sleep((long) (WARM_UP_SECONDS * 1000));
      long commitsBefore = commits.sum();
      long attemptsBefore = attempts.sum();
      long start = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      long committed = commits.sum() - commitsBefore;
      long attempted = attempts.sum() - attemptsBefore;
      double elapsed = (System.nanoTime() - start) / 1e9;
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      if (!ds.checkConsistency().isClean()) {
        throw new IllegalStateException("the store is inconsistent after " + s);
      }
      double retriesPerCommit = committed == 0 ? 0 : (attempted - committed) / (double) committed;
      return new Run(committed / elapsed, retriesPerCommit);
    } finally {
      deleteRecursively(dir);
    }
  }

  /**
   * The keys each thread updates: uncontended, one root entity; on one group, each thread its
   * own child of the one root; on many groups, every thread all the group roots.
   */
  private static List<List<Key>> keys(MegaliteDatastore ds, Scenario s) {
    List<List<Key>> keysOf = new ArrayList<>();
    List<Key> roots = new ArrayList<>();
    for (int g = 0; g < s.groups(); g++) {
      roots.add(ds.newKey("Group", g + 1));
    }
    for (int t = 0; t < s.threads(); t++) {
      if (s.groups() == 0) {
        keysOf.add(List.of(ds.newKey("Counter", t + 1)));
      } else if (s.groups() == 1) {
        keysOf.add(List.of(roots.get(0).child("Counter", t + 1)));
      } else {
        keysOf.add(roots);
      }
    }
    return keysOf;
  }

  private static Path createTempDir(Path parent) {
    try {
      return Files.createTempDirectory(parent, "megalite-txn-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
