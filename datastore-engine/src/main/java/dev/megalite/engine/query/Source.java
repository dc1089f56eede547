package dev.megalite.engine.query;

/**
 * A stream of index rows of one plan, in the plan's order. Each row is a candidate result: an
 * entity path, plus (for property scans) the value it was found under. A source holds iterators
 * and must be closed.
 */
interface Source extends AutoCloseable {

  /** Advances to the next candidate; false when there is none. */
  boolean next();

  /** The current row's key. */
  byte[] rowKey();

  /** Where the current row's terminated key path starts in {@link #rowKey()}. */
  int pathStart();

  /** The current row's value bytes (flags for property rows). */
  byte[] rowValue();

  /**
   * The current candidate's position in the plan's order, comparable between candidates of the
   * same plan: the key path, or the (direction-encoded) value followed by the key path.
   */
  byte[] position();

  /** For property scans: where the value starts in {@link #rowKey()}; -1 otherwise. */
  default int valueStart() {
    return -1;
  }

  /** Repositions so that the next candidate is the first one after {@code position}. */
  void seekAfter(byte[] position);

  @Override
  void close();
}
