package dev.megalite.engine.query;

import dev.megalite.engine.kv.KvIterator;

/**
 * A forward step over a range iterator for the sources: the first step starts the scan, a step
 * after {@link #seek} stays on the entry the seek found, any other step advances.
 */
final class ScanCursor implements AutoCloseable {
  private final KvIterator it;
  private boolean started;
  private boolean positioned;

  ScanCursor(KvIterator it) {
    this.it = it;
  }

  /** Moves to the next entry in range; false at the end. */
  boolean step() {
    if (!started) {
      started = true;
      it.seekToFirst();
    } else if (!positioned && it.valid()) {
      it.next();
    }
    positioned = false;
    return it.valid();
  }

  /** Positions at the first entry {@code >= target}; the next {@link #step()} returns it. */
  void seek(byte[] target) {
    started = true;
    positioned = true;
    it.seek(target);
  }

  KvIterator iterator() {
    return it;
  }

  @Override
  public void close() {
    it.close();
  }
}
