package dev.megalite.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line settings of one benchmark run.
 *
 * @param sizes the workload sizes, each measured on every system, one table per size
 * @param systems the systems to measure, in this order
 * @param heaps {@code -Xmx} of the child JVM per system, where not the system's default
 * @param jvmArgs further arguments for every child JVM (a JFR recording, GC flags)
 * @param fork whether each system and size runs in a child JVM of its own (the default), so that
 *     heap-after-run figures are per system; when false, everything runs in this JVM
 * @param child set in a child JVM: run one system at one size and print the result lines only
 * @param out where to write tables.md, to add to results.tsv and to draw throughput.svg; or null
 * @param reportOnly measure nothing: print the tables of {@code sizes} and redraw the chart from
 *     {@code out}'s results.tsv (after separate runs have added to it)
 * @param dir where to create the RocksDB directories, or null for a fresh temporary directory
 * @param seed seed of the workload generator; equal seeds give equal entities and keys
 * @param warmup entities put and got on a throwaway store first, so that the JIT has compiled the
 *     hot paths before anything is timed; 0 for none
 * @param queryRuns how many times each query is timed (the kind scan at most 3 times)
 * @param keep whether to keep the RocksDB directories after the run
 * @param quotaAccounting whether Megalite counts quotas (always, in normal use); off only to
 *     measure what the accounting costs ({@code --quota-accounting off})
 * @param blockCacheMb RocksDB's block cache in MiB, the same for Megalite and for the raw ceiling
 *     with Megalite's options ({@code --block-cache-mb}; 64, {@code RocksOptions}' default)
 */
record BenchConfig(
    List<Integer> sizes,
    List<BenchSystem> systems,
    Map<BenchSystem, String> heaps,
    List<String> jvmArgs,
    boolean fork,
    boolean child,
    Path out,
    boolean reportOnly,
    Path dir,
    long seed,
    int warmup,
    int queryRuns,
    boolean keep,
    boolean quotaAccounting,
    long blockCacheMb) {
  /** {@code RocksOptions.defaults()}' block cache, in MiB. */
  static final long DEFAULT_BLOCK_CACHE_MB = 64;

  static final String USAGE =
      "usage: java -jar benchmarks/target/benchmarks.jar [--sizes N,N,… (10000,100000)]"
          + " [--systems megalite,raw,appengine (all three; also raw-default)]"
          + " [--heap SYSTEM=SIZE,… (child -Xmx; megalite=1g,raw=1g,appengine by size)]"
          + " [--jvm-arg ARG (repeatable)] [--no-fork] [--out DIR] [--report-only]"
          + " [--dir DIR] [--seed S (42)]"
          + " [--warmup N (20000)] [--query-runs N (10)] [--keep]"
          + " [--quota-accounting on|off (on; off only to measure its cost)]"
          + " [--block-cache-mb N (64; Megalite and raw alike)]";

  BenchConfig {
    sizes = List.copyOf(sizes);
    systems = List.copyOf(systems);
    heaps = Map.copyOf(heaps);
    jvmArgs = List.copyOf(jvmArgs);
    for (int n : sizes) {
      if (n < 1) {
        throw new IllegalArgumentException("--sizes has " + n + "; every size must be >= 1");
      }
    }
    if (sizes.isEmpty() || systems.isEmpty()) {
      throw new IllegalArgumentException("--sizes and --systems need at least one value");
    }
    if (warmup < 0 || queryRuns < 1) {
      throw new IllegalArgumentException("--warmup must be >= 0 and --query-runs >= 1");
    }
    if (blockCacheMb < 0 || blockCacheMb > (Long.MAX_VALUE >> 20)) {
      throw new IllegalArgumentException("--block-cache-mb must be >= 0, not " + blockCacheMb);
    }
  }

  static BenchConfig parse(String[] args) {
    List<Integer> sizes = List.of(10_000, 100_000);
    List<BenchSystem> systems =
        List.of(BenchSystem.MEGALITE, BenchSystem.RAW, BenchSystem.APPENGINE);
    Map<BenchSystem, String> heaps = new EnumMap<>(BenchSystem.class);
    List<String> jvmArgs = new ArrayList<>();
    boolean fork = true;
    boolean child = false;
    Path out = null;
    boolean reportOnly = false;
    Path dir = null;
    long seed = 42;
    int warmup = 20_000;
    int queryRuns = 10;
    boolean keep = false;
    boolean quotaAccounting = true;
    long blockCacheMb = DEFAULT_BLOCK_CACHE_MB;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--sizes" -> sizes = parseSizes(value(args, ++i, a));
        case "--systems" -> systems = parseSystems(value(args, ++i, a));
        case "--heap" -> parseHeaps(value(args, ++i, a), heaps);
        case "--jvm-arg" -> jvmArgs.add(value(args, ++i, a));
        case "--no-fork" -> fork = false;
        case "--child" -> child = true;
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--report-only" -> reportOnly = true;
        case "--dir" -> dir = Path.of(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
        case "--query-runs" -> queryRuns = Integer.parseInt(value(args, ++i, a));
        case "--keep" -> keep = true;
        case "--quota-accounting" -> quotaAccounting = onOff(value(args, ++i, a), a);
        case "--block-cache-mb" -> blockCacheMb = Long.parseLong(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    if (reportOnly && out == null) {
      throw new IllegalArgumentException("--report-only needs --out DIR");
    }
    BenchConfig cfg = new BenchConfig(sizes, systems, heaps, jvmArgs, fork && !child, child, out,
        reportOnly, dir, seed, warmup, queryRuns, keep, quotaAccounting, blockCacheMb);
    MegaliteRunner.quotaAccounting(cfg.quotaAccounting()); // the one place Megalite is opened
    // The one place each is opened: both get the same block cache, so comparisons stay fair.
    MegaliteRunner.blockCacheBytes(cfg.blockCacheBytes());
    RawProfile.blockCacheBytes(cfg.blockCacheBytes());
    return cfg;
  }

  /** The arguments of a child JVM that measures {@code system} at {@code size}. */
  List<String> childArgs(BenchSystem system, int size) {
    List<String> a = new ArrayList<>(List.of("--child", "--sizes", Integer.toString(size),
        "--systems", system.id(), "--seed", Long.toString(seed), "--warmup",
        Integer.toString(warmup), "--query-runs", Integer.toString(queryRuns)));
    if (dir != null) {
      a.add("--dir");
      a.add(dir.toString());
    }
    if (keep) {
      a.add("--keep");
    }
    if (!quotaAccounting) {
      a.add("--quota-accounting");
      a.add("off");
    }
    if (blockCacheMb != DEFAULT_BLOCK_CACHE_MB) {
      a.add("--block-cache-mb");
      a.add(Long.toString(blockCacheMb));
    }
    return a;
  }

  long blockCacheBytes() {
    return blockCacheMb << 20;
  }

  /** {@code -Xmx} for {@code system} at {@code size}: as given by --heap, else its default. */
  String heap(BenchSystem system, int size) {
    return heaps.getOrDefault(system, system.defaultHeap(size));
  }

  private static List<Integer> parseSizes(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(Integer.parseInt(s.strip().replace("_", "")));
    }
    return out;
  }

  private static List<BenchSystem> parseSystems(String csv) {
    List<BenchSystem> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(BenchSystem.of(s.strip()));
    }
    return out;
  }

  private static void parseHeaps(String csv, Map<BenchSystem, String> heaps) {
    for (String s : csv.split(",")) {
      String[] kv = s.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--heap takes SYSTEM=SIZE,…, not '" + s + "'");
      }
      heaps.put(BenchSystem.of(kv[0].strip()), kv[1].strip());
    }
  }

  private static boolean onOff(String v, String flag) {
    switch (v) {
      case "on":
        return true;
      case "off":
        return false;
      default:
        throw new IllegalArgumentException(flag + " takes on or off, not '" + v + "'");
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
