package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.kv.ReadView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The candidates of a query run, read from its source a batch at a time, with the entity rows the
 * batch needs fetched in one {@link ReadView#multiGet}: one call into the store per batch instead
 * of one point read per result.
 *
 * <p>Memory stays bounded: a batch holds at most {@value #MAX_BATCH} candidates. Batches start at
 * {@value #FIRST_BATCH} and double, and never hold more candidates than the run can still use,
 * so a small limit or a caller that stops early reads little beyond what it is given. Reading
 * stops at the first candidate after the end cursor, which is neither buffered nor fetched.
 */
final class ReadAhead {
  static final int FIRST_BATCH = 8;
  static final int MAX_BATCH = 256;

  private final Source source;
  private final Supplier<Candidate> capture;
  private final ReadView view;
  private final byte[] endPosition;
  private final List<Candidate> batch = new ArrayList<>();
  private final List<byte[]> stored = new ArrayList<>();
  private int nextBatchSize = FIRST_BATCH;
  private int next;
  private byte[] current;
  private boolean exhausted;
  private boolean pastEnd;

  /**
   * Reads {@code source}; {@code capture} takes what evaluation needs of the source's current
   * row. Entity rows are read from {@code view}; candidates after {@code endPosition} (when not
   * null) end the run.
   */
  ReadAhead(Source source, Supplier<Candidate> capture, ReadView view, byte[] endPosition) {
    this.source = source;
    this.capture = capture;
    this.view = view;
    this.endPosition = endPosition;
  }

  /**
   * The next candidate, or null when there is none; when the buffer is empty, reads a batch of at
   * most {@code wanted} (at least one) first.
   */
  Candidate next(int wanted) {
    if (next == batch.size() && !fill(wanted)) {
      current = null;
      return null;
    }
    current = stored.get(next);
    return batch.get(next++);
  }

  /**
   * The stored entity of the candidate {@link #next} returned last: fetched, or read with the
   * row; null when it has none or when it does not {@linkplain Candidate#needsEntity need} it.
   */
  byte[] stored() {
    return current;
  }

  /** Whether the run ended at a candidate after the end cursor (rather than at the end of data). */
  boolean pastEnd() {
    return pastEnd;
  }

  /** Drops what is buffered; the source is the caller's to close. */
  void clear() {
    batch.clear();
    stored.clear();
    next = 0;
    current = null;
  }

  private boolean fill(int wanted) {
    clear();
    int size = Math.max(1, Math.min(nextBatchSize, wanted));
    nextBatchSize = Math.min(MAX_BATCH, nextBatchSize * 2);
    List<byte[]> keys = new ArrayList<>(size);
    while (batch.size() < size && !exhausted && !pastEnd) {
      if (!source.next()) {
        exhausted = true;
        break;
      }
      Candidate c = capture.get();
      if (endPosition != null && Bytes.compare(c.position(), endPosition) > 0) {
        pastEnd = true;
        break;
      }
      batch.add(c);
      if (c.entityRow() != null) {
        keys.add(c.entityRow());
      }
    }
    List<byte[]> found = keys.isEmpty() ? List.of() : view.multiGet(keys);
    int k = 0;
    for (Candidate c : batch) {
      stored.add(c.entityRow() == null ? c.entity() : found.get(k++));
    }
    return !batch.isEmpty();
  }
}
