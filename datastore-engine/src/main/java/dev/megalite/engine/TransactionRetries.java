package dev.megalite.engine;

import dev.megalite.api.TransactionOptions;
import dev.megalite.api.TransactionWork;
import dev.megalite.api.error.ConcurrentModificationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code runInTransaction}'s retry policy: run the work in a new transaction, commit it unless the
 * work ended it, and on a conflict try again, up to the options' retries, after a jittered
 * exponential back-off so that retrying writers spread out.
 */
final class TransactionRetries {
  private TransactionRetries() {}

  static <T> T run(
      Supplier<EngineTransaction> begin, TransactionOptions options, TransactionWork<T> work) {
    for (int attempt = 0; ; attempt++) {
      try (EngineTransaction txn = begin.get()) {
        T result = work.run(txn);
        if (!txn.endedByCaller()) {
          txn.commit(); // fails if the transaction expired during the work
        }
        return result;
      } catch (ConcurrentModificationException e) {
        if (attempt >= options.retries()) {
          throw e;
        }
        backoff(attempt, e);
      }
    }
  }

  /** Sleeps about 10 ms × 2^attempt, jittered by ±50%. */
  private static void backoff(int attempt, ConcurrentModificationException cause) {
    long base = 10L << Math.min(attempt, 10);
    long millis = base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
