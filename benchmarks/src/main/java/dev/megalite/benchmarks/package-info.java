/**
 * Benchmark harness, run by hand, never by the build: {@link
 * dev.megalite.benchmarks.FoundationBenchmark} measures Megalite's batch puts, batch gets and
 * built-in queries on a RocksDB directory, and compares puts and gets with raw RocksDB writing and
 * reading exactly the same rows (the ceiling). See {@code docs/benchmarks.md}.
 *
 * <p>Uses the engine's public API ({@code Megalite}, {@code MegaliteDatastore}) and, to produce
 * the identical rows for the ceiling, its public codec and index classes. This is the only module
 * besides the engine's {@code kv.rocks} package that imports {@code org.rocksdb}: the raw ceiling
 * has to bypass the engine. Nothing depends on this module.
 */
package dev.megalite.benchmarks;
