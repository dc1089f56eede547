package dev.megalite.engine.kv;

/**
 * A cursor over a bounded key range, forward and backward. The byte arrays it returns belong to the caller.
 *
 * <p>Not thread-safe. {@link #next()}, {@link #prev()}, {@link #key()} and {@link #value()} throw {@link
 * java.util.NoSuchElementException} when not {@link #valid()}. Every call except {@link #close()}
 * throws {@code StorageException} once the iterator or its store is closed; close is idempotent.
 */
public interface KvIterator extends AutoCloseable {

  /** Positions at the first key of the range. */
  void seekToFirst();

  /** Positions at the first key {@code >= target} (clamped to the range). */
  void seek(byte[] target);

  /**
   * Positions at the last key {@code <= target} within the range (invalid when there is none).
   * Descending scans use it with {@link #prev()}.
   */
  void seekForPrev(byte[] target);

  /** Moves back to the previous entry; only when {@link #valid()}. */
  void prev();

  /** Whether the iterator is positioned on an entry. */
  boolean valid();

  /** Advances to the next entry; only when {@link #valid()}. */
  void next();

  /** The current key; only when {@link #valid()}. */
  byte[] key();

  /** The current value; only when {@link #valid()}. */
  byte[] value();

  @Override
  void close();
}
