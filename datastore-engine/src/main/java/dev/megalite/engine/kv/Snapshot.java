package dev.megalite.engine.kv;

/** A read-only, point-in-time view of a {@link KeyValueStore}. */
public interface Snapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}
