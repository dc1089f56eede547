package dev.megalite.benchmarks;

import java.nio.file.Path;

/**
 * Command-line settings of one benchmark run.
 *
 * @param entities how many entities to put, get and query
 * @param dir where to create the RocksDB directories, or null for a fresh temporary directory
 * @param seed seed of the workload generator; equal seeds give equal entities and keys
 * @param warmup entities put and got on throwaway stores first, so the JIT has compiled the hot
 *     paths of both sides before anything is timed; 0 for none
 * @param queryRuns how many times each query is timed
 * @param keep whether to keep the RocksDB directories after the run
 */
record BenchConfig(int entities, Path dir, long seed, int warmup, int queryRuns, boolean keep) {
  static final String USAGE =
      "usage: java -Xmx2g -jar benchmarks/target/benchmarks.jar [--entities N (100000)]"
          + " [--dir DIR (a temporary directory)] [--seed S (42)] [--warmup N (20000)]"
          + " [--query-runs N (10)] [--keep]";

  BenchConfig {
    if (entities < 1) {
      throw new IllegalArgumentException("--entities is " + entities + "; it must be at least 1");
    }
    if (warmup < 0 || queryRuns < 1) {
      throw new IllegalArgumentException("--warmup must be >= 0 and --query-runs >= 1");
    }
  }

  static BenchConfig parse(String[] args) {
    int entities = 100_000;
    Path dir = null;
    long seed = 42;
    int warmup = 20_000;
    int queryRuns = 10;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--entities" -> entities = Integer.parseInt(value(args, ++i, a));
        case "--dir" -> dir = Path.of(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
        case "--query-runs" -> queryRuns = Integer.parseInt(value(args, ++i, a));
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
      }
    }
    return new BenchConfig(entities, dir, seed, warmup, queryRuns, keep);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
