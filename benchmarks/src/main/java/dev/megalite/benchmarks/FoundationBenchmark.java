package dev.megalite.benchmarks;

import dev.megalite.engine.MegaliteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison benchmark: the same workload on Megalite, raw RocksDB writing the same rows (the
 * ceiling) and App Engine's own local datastore, at each size given, one table per size. Run it
 * with {@code java -jar benchmarks/target/benchmarks.jar --sizes 10000,100000,1000000}; see
 * {@code docs/benchmarks.md}.
 *
 * <p>By default every system and size runs in a child JVM of its own (this class again, with
 * {@code --child}), one after the other, so that each heap-after-run figure is that system's alone
 * and App Engine can have the large heap it needs without giving it to the others. Within a child:
 * warm up on a throwaway store, then time the workload on a fresh one, then measure disk and heap
 * with the store still open.
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
    if (cfg.child()) {
      measure(cfg, cfg.systems().get(0), cfg.sizes().get(0)).print(System.out);
      return;
    }
    run(cfg);
  }

  static void run(BenchConfig cfg) {
    Report report = new Report(System.out);
    if (cfg.reportOnly()) {
      report(cfg, report);
      return;
    }
    report.machine(cfg);
    List<SystemResult> all = new ArrayList<>();
    StringBuilder tables = new StringBuilder();
    for (int size : cfg.sizes()) {
      List<SystemResult> results = new ArrayList<>();
      for (BenchSystem system : cfg.systems()) {
        System.out.printf("%n== %s, %,d entities%s%n", system.label(), size,
            cfg.fork() ? " (child JVM, -Xmx" + cfg.heap(system, size) + ")" : "");
        results.add(cfg.fork() ? ChildJvm.run(cfg, system, size) : measure(cfg, system, size));
      }
      String table = report.table(size, results);
      System.out.println();
      System.out.print(table);
      tables.append(table).append('\n');
      all.addAll(results);
    }
    if (cfg.out() != null) {
      try {
        Files.createDirectories(cfg.out());
        Files.writeString(cfg.out().resolve("tables.md"), tables.toString());
        List<SystemResult> history = ResultsFile.append(cfg.out().resolve("results.tsv"), all);
        Files.writeString(cfg.out().resolve("throughput.svg"), Chart.svg(history));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.out.println("wrote tables.md, results.tsv and throughput.svg to " + cfg.out());
    }
  }

  /** The tables and the chart from what earlier runs wrote to {@code --out}. */
  private static void report(BenchConfig cfg, Report report) {
    try {
      List<SystemResult> history = ResultsFile.read(cfg.out().resolve("results.tsv"));
      for (int size : cfg.sizes()) {
        List<SystemResult> results = new ArrayList<>();
        for (BenchSystem system : cfg.systems()) {
          for (SystemResult r : history) {
            if (r.size() == size && r.system().equals(system.id())) {
              results.add(r);
            }
          }
        }
        System.out.println(report.table(size, results));
      }
      Files.writeString(cfg.out().resolve("throughput.svg"), Chart.svg(history));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the workload on one system in this JVM. */
  static SystemResult measure(BenchConfig cfg, BenchSystem system, int size) {
    Workload w = Workload.of(MegaliteOptions.DEFAULT_PROJECT, size, cfg.seed());
    SystemResult r = new SystemResult(system.id(), size);
    r.fact("load_start", Report.loadAverage());
    r.fact("max_heap_bytes", Heap.max());
    r.fact("mean_entity_bytes", Math.round(w.meanEncodedBytes()));
    try (BenchDirs dirs = BenchDirs.create(cfg.dir(), cfg.keep())) {
      if (cfg.warmup() > 0) {
        Workload warm = Workload.of(MegaliteOptions.DEFAULT_PROJECT, cfg.warmup(), ~cfg.seed());
        try (Store<?, ?> s = system.open(dirs.store("warmup"), warm)) {
          new WorkloadDriver(warm, 1, System.err).warmUp(s, new SystemResult("warmup", 0));
        }
        dirs.delete("warmup");
      }
      System.err.printf("%s, %,d entities, stores under %s%n", system.label(), size, dirs.root());
      try (Store<?, ?> s = system.open(dirs.store(system.id()), w)) {
        new WorkloadDriver(w, cfg.queryRuns(), System.err).run(s, r);
        r.fact("disk_bytes", s.diskBytes());
        r.fact("heap_after_bytes", Heap.usedAfterGc()); // with the store open
        r.fact("rss_bytes", Heap.residentBytes());
      }
    }
    r.fact("load_end", Report.loadAverage());
    return r;
  }
}
