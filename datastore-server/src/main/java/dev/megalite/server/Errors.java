package dev.megalite.server;

import dev.megalite.api.error.DatastoreException;
import dev.megalite.api.error.NeedIndexException;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps Megalite's errors to the status codes Cloud Datastore answers with: contention is ABORTED
 * (clients retry it), a missing index FAILED_PRECONDITION with the index to add, bad input
 * INVALID_ARGUMENT, quotas RESOURCE_EXHAUSTED, and a closed or expired transaction
 * INVALID_ARGUMENT. Anything unexpected is INTERNAL and logged; it never takes the server down.
 */
final class Errors {
  private static final Logger LOG = Logger.getLogger(Errors.class.getName());
  /** Percent-encoded in a gRPC trailer, at most 3 bytes each: well under the 8 KiB limit. */
  static final int MAX_MESSAGE_BYTES = 2_000;

  private Errors() {}

  static Status status(Throwable t) {
    if (t instanceof DatastoreException e) {
      Status.Code code = switch (e.code()) {
        case BAD_REQUEST, LIMIT_EXCEEDED, TRANSACTION_CLOSED -> Status.Code.INVALID_ARGUMENT;
        case NOT_FOUND -> Status.Code.NOT_FOUND;
        case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
        case CONCURRENT_MODIFICATION -> Status.Code.ABORTED;
        case NEED_INDEX -> Status.Code.FAILED_PRECONDITION;
        case OVER_QUOTA -> Status.Code.RESOURCE_EXHAUSTED;
        case STORAGE -> Status.Code.UNAVAILABLE;
        case INTERNAL -> Status.Code.INTERNAL;
      };
      String message = e.getMessage();
      if (e instanceof NeedIndexException n && !message.contains(n.indexYaml())) {
        message = message + "\nThe suggested index for this query is:\n" + n.indexYaml();
      }
      return Status.fromCode(code).withDescription(shorten(message));
    }
    if (t instanceof IllegalArgumentException) {
      return Status.INVALID_ARGUMENT.withDescription(shorten(t.getMessage()));
    }
    LOG.log(Level.WARNING, "unexpected error while serving a request", t);
    return Status.INTERNAL.withDescription(shorten("internal error: " + t));
  }

  /**
   * {@code message} cut to {@link #MAX_MESSAGE_BYTES} of UTF-8. Messages quote the request (a
   * kind, a name), which may be megabytes long; in gRPC the message travels in a trailer, and one
   * larger than the client's header limit (8 KiB by default) makes the client see a broken
   * stream instead of the error.
   */
  static String shorten(String message) {
    if (message == null) {
      return null;
    }
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_MESSAGE_BYTES) {
      return message;
    }
    int end = MAX_MESSAGE_BYTES;
    while ((utf8[end] & 0xC0) == 0x80) {
      end--; // not inside a character
    }
    return new String(utf8, 0, end, StandardCharsets.UTF_8) + "... (" + utf8.length
        + " bytes in all)";
  }

  /** The HTTP status Google's REST surface gives a gRPC code. */
  static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case UNAUTHENTICATED -> 401;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case RESOURCE_EXHAUSTED -> 429;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }
}
