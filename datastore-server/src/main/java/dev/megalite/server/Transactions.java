package dev.megalite.server;

import com.google.protobuf.ByteString;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.TransactionClosedException;
import dev.megalite.engine.MegaliteTransaction;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open transactions of the server, by the opaque handle clients carry between calls. A handle
 * is 16 random bytes; a transaction leaves the table when it is committed, rolled back or found
 * expired.
 */
final class Transactions {
  /** An open transaction and the project it belongs to. */
  record Open(String project, MegaliteTransaction txn, long bornNanos) {}

  /** How long an ended transaction's handle stays known, so a late rollback still succeeds. */
  private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(300);

  private final SecureRandom random = new SecureRandom();
  private final Map<ByteString, Open> open = new ConcurrentHashMap<>();

  ByteString add(String project, MegaliteTransaction txn) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    ByteString handle = ByteString.copyFrom(id);
    open.put(handle, new Open(project, txn, System.nanoTime()));
    sweep();
    return handle;
  }

  /** The transaction {@code handle} names, still active; an error if it is unknown or ended. */
  MegaliteTransaction get(String project, ByteString handle) {
    Open o = open.get(handle);
    if (o == null || !o.project().equals(project)) {
      throw new BadRequestException("Invalid transaction: it is unknown to this server, or was"
          + " already committed or rolled back" + (o == null ? "" : " (or belongs to project '"
          + o.project() + "')"));
    }
    if (!o.txn().isActive()) {
      open.remove(handle);
      throw new TransactionClosedException("transaction has expired or is no longer active");
    }
    return o.txn();
  }

  /** Forgets a transaction that was committed. */
  void ended(ByteString handle) {
    open.remove(handle);
  }

  /**
   * Rolls back and forgets {@code handle}'s transaction. A transaction whose commit failed is still
   * known here, so the rollback clients send after a failed commit succeeds (the Java client's
   * runInTransaction does so before it retries).
   */
  void rollback(String project, ByteString handle) {
    Open o = open.get(handle);
    if (o == null || !o.project().equals(project)) {
      get(project, handle); // the same error as any use of an unknown handle
      return;
    }
    open.remove(handle);
    o.txn().rollback();
  }

  /** Rolls back and forgets every transaction (reset, shutdown). */
  void clear() {
    open.values().forEach(o -> o.txn().rollback());
    open.clear();
  }

  /** Forgets transactions that ended long ago without a rollback, so the table does not grow. */
  private void sweep() {
    long now = System.nanoTime();
    open.entrySet().removeIf(e -> !e.getValue().txn().isActive()
        && now - e.getValue().bornNanos() > KEEP_NANOS);
  }

  int size() {
    return open.size();
  }
}
