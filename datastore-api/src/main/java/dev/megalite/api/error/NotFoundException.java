package dev.megalite.api.error;

/** A named thing does not exist. */
public class NotFoundException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }
}
