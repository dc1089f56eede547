package dev.megalite.api.error;

/** A request is bigger than a fixed limit allows; nothing was written. */
public class LimitExceededException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  private final String limitName;
  private final long allowed;
  private final long actual;

  /**
   * @param limitName the limit, e.g. "entities per batch put"
   * @param subject what broke it, e.g. a key or property name; may be empty
   */
  public LimitExceededException(String limitName, long allowed, long actual, String subject) {
    super(
        ErrorCode.LIMIT_EXCEEDED,
        String.format(
              java.util.Locale.ROOT,
            "%s%s is %,d; the limit is %,d",
            limitName, subject.isEmpty() ? "" : " (" + subject + ")", actual, allowed));
    this.limitName = limitName;
    this.allowed = allowed;
    this.actual = actual;
  }

  public String limitName() {
    return limitName;
  }

  public long allowed() {
    return allowed;
  }

  public long actual() {
    return actual;
  }
}
