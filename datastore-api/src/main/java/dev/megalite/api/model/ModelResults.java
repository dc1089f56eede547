package dev.megalite.api.model;

import dev.megalite.api.Entity;
import dev.megalite.api.model.mapping.ClassMapping;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.MoreResults;
import dev.megalite.api.query.QueryResults;
import java.util.Iterator;

/**
 * Streaming typed query results: each entity is loaded into the model class as it is read. After
 * each {@link #next()}, {@link #cursorAfter()} resumes after that result. Close it unless it is
 * exhausted.
 *
 * @param <T> the model class
 */
public final class ModelResults<T> implements Iterator<T>, AutoCloseable {
  private final ClassMapping<T> mapping;
  private final QueryResults<Entity> results;

  ModelResults(ClassMapping<T> mapping, QueryResults<Entity> results) {
    this.mapping = mapping;
    this.results = results;
  }

  @Override
  public boolean hasNext() {
    boolean more = results.hasNext();
    if (!more) {
      results.close();
    }
    return more;
  }

  @Override
  public T next() {
    return mapping.fromEntity(results.next());
  }

  /** The cursor after the last result returned (before the first, the query's start). */
  public Cursor cursorAfter() {
    return results.cursorAfter();
  }

  public MoreResults moreResults() {
    return results.moreResults();
  }

  @Override
  public void close() {
    results.close();
  }
}
