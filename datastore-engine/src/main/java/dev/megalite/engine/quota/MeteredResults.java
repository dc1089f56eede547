package dev.megalite.engine.quota;

import dev.megalite.api.Entity;
import dev.megalite.engine.query.SizedQueryResults;
import java.util.NoSuchElementException;

/**
 * Query results that pay for themselves: each result reserves one entity read or small operation
 * before it is handed out, so when the budget runs out the iterator throws {@code
 * OverQuotaException} there, and {@link #cursorAfter()} is still the position after the last
 * result returned (resume from it once the quota resets). Results an offset skips are charged as
 * they are skipped; the bytes behind each result are charged as data received.
 *
 * <p>CPU time is read in spans of up to {@value #SPAN} results (a thread CPU clock read costs about
 * half a microsecond here, too much per result); a span includes whatever the caller does between
 * the results it covers.
 */
final class MeteredResults extends ForwardingResults<SizedQueryResults> {
  static final int SPAN = 128;

  private final QuotaMeter meter;
  private final Quota perResult;
  private long cpuStart;
  private boolean inSpan;
  private int spanResults;
  private int skippedSeen;

  MeteredResults(QuotaMeter meter, SizedQueryResults inner, Quota perResult) {
    super(inner);
    this.meter = meter;
    this.perResult = perResult;
  }

  @Override
  public boolean hasNext() {
    startSpan();
    try {
      boolean has = inner.hasNext();
      int skipped = inner.skippedResults();
      if (skipped > skippedSeen) {
        meter.charge(perResult, skipped - skippedSeen);
        skippedSeen = skipped;
      }
      if (!has) {
        endSpan();
      }
      return has;
    } catch (RuntimeException e) {
      endSpan();
      throw e;
    }
  }

  @Override
  public Entity next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more query results");
    }
    try {
      meter.reserve(perResult, 1);
    } catch (RuntimeException e) {
      endSpan();
      throw e;
    }
    Entity e = inner.next();
    meter.charge(Quota.DATA_RECEIVED, inner.lastResultBytes());
    if (++spanResults >= SPAN) {
      endSpan();
    }
    return e;
  }

  private void startSpan() {
    if (!inSpan) {
      meter.checkAvailable(Quota.CPU_TIME);
      meter.checkAvailable(Quota.DATA_RECEIVED);
      inSpan = true;
      spanResults = 0;
      cpuStart = meter.cpuClock();
    }
  }

  private void endSpan() {
    if (inSpan) {
      inSpan = false;
      meter.endCall(cpuStart);
    }
  }

  @Override
  public void close() {
    endSpan();
    super.close();
  }
}
