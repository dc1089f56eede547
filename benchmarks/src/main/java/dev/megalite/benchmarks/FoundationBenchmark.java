package dev.megalite.benchmarks;

import dev.megalite.engine.MegaliteOptions;

/**
 * The foundation benchmark: Megalite's batch puts, batch gets and built-in queries on a fresh
 * RocksDB directory, against raw RocksDB writing and reading exactly the same rows. Run it with
 * {@code java -Xmx2g -jar benchmarks/target/benchmarks.jar --entities 100000}; see {@code
 * docs/benchmarks.md}.
 *
 * <p>Order: generate the workload and the raw rows; warm up both sides on throwaway stores; time
 * Megalite; time raw RocksDB with its default options, then with Megalite's options. Each store
 * is closed and deleted before the next one starts, so none competes with another's background
 * flushes or compactions.
 */
public final class FoundationBenchmark {
  private FoundationBenchmark() {}

  public static void main(String[] args) {
    BenchConfig cfg;
    try {
      cfg = BenchConfig.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchConfig.USAGE);
      System.exit(2);
      return;
    }
    run(cfg);
  }

  static void run(BenchConfig cfg) {
    Report report = new Report(System.out);
    Workload workload =
        Workload.generate(MegaliteOptions.DEFAULT_PROJECT, cfg.entities(), cfg.seed());
    RawRows rows = RawRows.of(workload);
    long heapBaseline = Heap.usedAfterGc();
    report.header(cfg, workload, rows, heapBaseline);

    try (BenchDirs dirs = BenchDirs.create(cfg.dir(), cfg.keep())) {
      System.out.println("stores under " + dirs.root() + (cfg.keep() ? " (kept)" : ""));
      if (cfg.warmup() > 0) {
        Workload warm =
            Workload.generate(MegaliteOptions.DEFAULT_PROJECT, cfg.warmup(), ~cfg.seed());
        MegaliteRunner.warmUp(warm, dirs.store("warmup-megalite"));
        dirs.delete("warmup-megalite");
        RawRocksRunner.run(RawRows.of(warm), dirs.store("warmup-raw"), RawProfile.DEFAULT);
        dirs.delete("warmup-raw");
      }
      MegaliteRunner.Result mega =
          MegaliteRunner.run(workload, dirs.store("megalite"), cfg.queryRuns());
      dirs.done("megalite");
      RawRocksRunner.Result rawDefault =
          RawRocksRunner.run(rows, dirs.store("raw-default"), RawProfile.DEFAULT);
      dirs.done("raw-default");
      RawRocksRunner.Result rawTuned =
          RawRocksRunner.run(rows, dirs.store("raw-megalite-options"), RawProfile.MEGALITE);
      dirs.done("raw-megalite-options");
      System.out.println();
      report.results(mega, rawDefault, rawTuned, heapBaseline);
    }
  }
}
