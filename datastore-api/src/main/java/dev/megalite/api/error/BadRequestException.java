package dev.megalite.api.error;

/** The request is malformed: an invalid key, name, value, query or GQL text. */
public class BadRequestException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(ErrorCode.BAD_REQUEST, message);
  }

  public BadRequestException(String message, Throwable cause) {
    super(ErrorCode.BAD_REQUEST, message, cause);
  }
}
