/**
 * Benchmark harness, run by hand, never by the build. {@link
 * dev.megalite.benchmarks.FoundationBenchmark} runs one workload (batch puts and gets, five
 * queries, read-modify-write transactions) at each requested size on three systems: Megalite
 * embedded, raw RocksDB writing and reading exactly Megalite's rows (the ceiling), and App Engine's
 * own local datastore in memory; each system in a child JVM of its own. {@link
 * dev.megalite.benchmarks.ConcurrencyBenchmark} measures random single-entity reads and writes by
 * many workers. See {@code docs/benchmarks.md}.
 *
 * <p>Uses the engine's public API ({@code Megalite}, {@code MegaliteDatastore}) and, to produce
 * the identical rows for the ceiling, its public codec and index classes. This is the only module
 * besides the engine's {@code kv.rocks} package that imports {@code org.rocksdb} (the raw ceiling
 * has to bypass the engine), and the only one that imports App Engine's SDK. Nothing depends on
 * this module.
 */
package dev.megalite.benchmarks;
