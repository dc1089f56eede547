package dev.megalite.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Random single-entity reads and writes of about 1 KB entities by 25, 50 and 100 concurrent
 * workers for a fixed time each, in read MB/s and write MB/s: the shape of kvlayer's published
 * throughput table. Run with {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * dev.megalite.benchmarks.ConcurrencyBenchmark [--threads 25,50,100] [--seconds 10] [--preload
 * 100000] [--systems megalite,raw,server] [--dir DIR]}.
 *
 * <p>Per system, on a fresh store: load {@code --preload} entities (batch puts of 500, at ids
 * scattered over the key space), warm up, then per worker count a read phase (gets of random
 * loaded ids) and a write phase (puts of new entities at scattered ids). MB are 10^6 bytes of
 * encoded entity (what the entity row holds), not counting index rows.
 */
public final class ConcurrencyBenchmark {
  private static final int WARMUP_SECONDS = 3;

  private ConcurrencyBenchmark() {}

  /** One loop body of a worker. */
  @FunctionalInterface
  private interface Op {
    void run(ThreadLocalRandom rnd);
  }

  public static void main(String[] args) throws InterruptedException {
    List<Integer> threads = List.of(25, 50, 100);
    int seconds = 10;
    int preload = 100_000;
    List<String> systems = List.of("megalite", "raw");
    Path dir = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--threads" -> threads = ints(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--preload" -> preload = Integer.parseInt(args[i + 1]);
        case "--systems" -> systems = List.of(args[i + 1].split(","));
        case "--dir" -> dir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    double bytes = KvTarget.meanEntityBytes();
    System.out.printf(Locale.ROOT, "entity %.0f B encoded; %,d preloaded; %d s per phase;"
        + " load average %s%n", bytes, preload, seconds, Report.loadAverage());
    List<String> rows = new ArrayList<>();
    for (String system : systems) {
      try (BenchDirs dirs = BenchDirs.create(dir, false);
          KvTarget t = target(system, dirs.store(system))) {
        long start = System.nanoTime();
        preload(t, preload);
        System.out.printf(Locale.ROOT, "%s: preloaded in %.1f s%n", system,
            (System.nanoTime() - start) / 1e9);
        AtomicLong next = new AtomicLong(preload);
        int loaded = preload;
        Op read = rnd -> t.read(id(rnd.nextInt(loaded)));
        Op write = rnd -> t.write(id(next.getAndIncrement()));
        phase(8, WARMUP_SECONDS, read);
        phase(8, WARMUP_SECONDS, write);
        for (int n : threads) {
          double reads = phase(n, seconds, read);
          double writes = phase(n, seconds, write);
          String row = String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %,.0f | %.1f |",
              system, n, reads, reads * bytes / 1e6, writes, writes * bytes / 1e6);
          System.out.println(row + " load " + Report.loadAverage());
          rows.add(row);
        }
      }
    }
    System.out.println();
    System.out.println("| system | workers | reads/s | read MB/s | writes/s | write MB/s |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /** The target named {@code system}: megalite (embedded), raw, or server (official client). */
  static KvTarget target(String system, Path dir) {
    return switch (system) {
      case "megalite" -> KvTarget.megalite(MegaliteRunner.open(dir));
      case "raw" -> new RawKvTarget(dir);
      case "server" -> new ServerKvTarget(dir);
      default -> throw new IllegalArgumentException("unknown system '" + system + "'");
    };
  }

  /** Entity ids scattered over the key space, so that neither reads nor writes go in order. */
  private static long id(long i) {
    return 1 + Workload.scramble(i);
  }

  private static void preload(KvTarget t, int n) {
    for (int i = 0; i < n; i++) {
      t.write(id(i));
    }
  }

  /** Runs {@code op} on {@code threads} workers for {@code seconds}; returns operations/s. */
  private static double phase(int threads, int seconds, Op op) throws InterruptedException {
    LongAdder done = new LongAdder();
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      Thread th = new Thread(() -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long n = 0;
        while (System.nanoTime() < deadline) {
          op.run(rnd);
          n++;
        }
        done.add(n);
      }, "worker-" + w);
      th.start();
      workers.add(th);
    }
    for (Thread th : workers) {
      th.join();
    }
    return done.sum() * 1e9 / (System.nanoTime() - start);
  }

  private static List<Integer> ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(Integer.parseInt(s.strip()));
    }
    return out;
  }
}
