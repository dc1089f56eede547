package dev.megalite.api.error;

/** The storage layer failed: an I/O error, corruption, or a store that is closed. */
public class StorageException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(ErrorCode.STORAGE, message);
  }

  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE, message, cause);
  }
}
