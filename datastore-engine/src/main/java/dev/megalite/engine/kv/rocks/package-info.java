/**
 * The RocksDB implementation of {@link dev.megalite.engine.kv.KeyValueStore}: the only package in
 * the project that imports {@code org.rocksdb}. Every {@code RocksDBException} becomes a {@link
 * dev.megalite.api.error.StorageException} here, naming the operation and the directory, and every
 * native handle is owned, guarded against use after close, and freed here.
 *
 * <p>All data lives in the default column family; keyspaces are key prefixes, not column
 * families. That gives one ordered key space, one atomic {@code WriteBatch} across keyspaces
 * without cross-family coordination, a cheap {@code deleteRange} over a project's or keyspace's
 * prefix to reset it, and fewer native handles to manage. Per-keyspace tuning, the main reason to
 * split families, is not needed yet.
 *
 * <p>Depends only on {@code dev.megalite.engine.kv} and the api module's errors.
 */
package dev.megalite.engine.kv.rocks;
