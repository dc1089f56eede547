package dev.megalite.api.error;

/** The transaction was committed, rolled back or has expired. */
public class TransactionClosedException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public TransactionClosedException(String message) {
    super(ErrorCode.TRANSACTION_CLOSED, message);
  }
}
