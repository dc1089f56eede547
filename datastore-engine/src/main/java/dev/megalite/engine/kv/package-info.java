/**
 * The ordered key-value contract under the whole engine: point reads, multi-gets, bounded range
 * iteration, snapshots and atomic write batches, plus an in-memory implementation for fast tests
 * and {@link dev.megalite.engine.kv.OverlayView}, a view with some keys replaced or removed.
 *
 * <p>Everything above this package speaks only these interfaces; the RocksDB implementation lives
 * in {@code dev.megalite.engine.kv.rocks}, the only package that imports {@code org.rocksdb}.
 * This package depends on nothing else of ours.
 */
package dev.megalite.engine.kv;
