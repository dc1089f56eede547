package dev.megalite.api.error;

/** An insert found an entity already stored under its key: nothing was written. */
public class AlreadyExistsException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(ErrorCode.ALREADY_EXISTS, message);
  }
}
