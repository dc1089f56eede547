package dev.megalite.api.error;

/** Another commit changed an entity group this one read or writes; nothing was written. Retry. */
public class ConcurrentModificationException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  /** App Engine's own wording, which clients and people recognise. */
  public static final String MESSAGE =
      "too much contention on these datastore entities. please try again.";

  public ConcurrentModificationException() {
    super(ErrorCode.CONCURRENT_MODIFICATION, MESSAGE);
  }

  public ConcurrentModificationException(String detail) {
    super(ErrorCode.CONCURRENT_MODIFICATION, MESSAGE + " " + detail);
  }
}
