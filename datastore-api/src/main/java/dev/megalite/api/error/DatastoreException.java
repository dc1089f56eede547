package dev.megalite.api.error;

/** The root of every error Megalite raises; unchecked, with a machine-readable {@link ErrorCode}. */
public class DatastoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public DatastoreException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public DatastoreException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** Whether repeating the same call later may succeed. */
  public boolean retryable() {
    return code == ErrorCode.CONCURRENT_MODIFICATION;
  }
}
