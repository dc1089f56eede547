package dev.megalite.engine.quota;

import dev.megalite.api.Entity;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.MoreResults;
import dev.megalite.api.query.QueryResults;

/** Query results that pass everything but what they meter on to the results they wrap. */
abstract class ForwardingResults<R extends QueryResults<Entity>> implements QueryResults<Entity> {
  final R inner;

  ForwardingResults(R inner) {
    this.inner = inner;
  }

  @Override
  public Cursor cursorAfter() {
    return inner.cursorAfter();
  }

  @Override
  public MoreResults moreResults() {
    return inner.moreResults();
  }

  @Override
  public int skippedResults() {
    return inner.skippedResults();
  }

  @Override
  public void close() {
    inner.close();
  }
}
