package dev.megalite.engine.kv;

import java.util.ArrayList;
import java.util.List;

/**
 * One key's versions in a {@link MemoryKeyValueStore}, newest first.
 *
 * <p>Immutable, so snapshot readers can walk a chain without a lock while the single writer
 * replaces it in the map. A {@code null} value is a tombstone.
 */
final class MemoryVersionChain {
  private final long seq;
  private final byte[] value;
  private final MemoryVersionChain older;

  private MemoryVersionChain(long seq, byte[] value, MemoryVersionChain older) {
    this.seq = seq;
    this.value = value;
    this.older = older;
  }

  static MemoryVersionChain of(long seq, byte[] value) {
    return new MemoryVersionChain(seq, value, null);
  }

  /** The value visible at {@code readSeq}, or {@code null} if absent or deleted then. */
  byte[] valueAt(long readSeq) {
    for (MemoryVersionChain c = this; c != null; c = c.older) {
      if (c.seq <= readSeq) {
        return c.value;
      }
    }
    return null;
  }

  /** This chain with a newer version; a second write in the same batch replaces the first. */
  MemoryVersionChain push(long newSeq, byte[] newValue) {
    return newSeq == seq
        ? new MemoryVersionChain(newSeq, newValue, older)
        : new MemoryVersionChain(newSeq, newValue, this);
  }

  /**
   * Drops versions no reader at or after {@code horizon} can see: everything older than the
   * newest version at or below it, and that version too if it is a tombstone (absent and deleted
   * read the same). Returns {@code null} when nothing is left, so the key can leave the map.
   */
  MemoryVersionChain prune(long horizon) {
    // Iterative, not recursive: a hot key under a long-lived snapshot can build a long chain.
    List<MemoryVersionChain> newer = new ArrayList<>();
    MemoryVersionChain c = this;
    while (c != null && c.seq > horizon) {
      newer.add(c);
      c = c.older;
    }
    MemoryVersionChain tail;
    if (c == null || c.value == null) {
      tail = null;
    } else {
      tail = c.older == null ? c : new MemoryVersionChain(c.seq, c.value, null);
    }
    if (tail == c) {
      return this; // nothing dropped
    }
    for (int i = newer.size() - 1; i >= 0; i--) {
      MemoryVersionChain n = newer.get(i);
      tail = new MemoryVersionChain(n.seq, n.value, tail);
    }
    return tail;
  }
}
