package dev.megalite.api.model;

import dev.megalite.api.error.BadRequestException;

/**
 * A class cannot be mapped: an unsupported field type, a missing or duplicate {@link Id}, two
 * fields with one stored name, a default value that does not parse, an inaccessible class. The
 * message names the class and the field. Raised the first time the class is used.
 */
public class MappingException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  public MappingException(String message) {
    super(message);
  }

  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
