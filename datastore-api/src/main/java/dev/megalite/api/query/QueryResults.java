package dev.megalite.api.query;

import java.util.Iterator;

/**
 * A lazy, streaming iterator over query results. After each {@link #next()}, {@link
 * #cursorAfter()} is the position to resume after that result. Close it (or exhaust it) to release
 * the snapshot it reads from.
 */
public interface QueryResults<T> extends Iterator<T>, AutoCloseable {

  /** The cursor after the last result returned (before the first one, the query's start). */
  Cursor cursorAfter();

  /** Whether more results exist beyond what this iterator will return. */
  MoreResults moreResults();

  /** How many results the offset skipped so far. */
  int skippedResults();

  @Override
  void close();
}
