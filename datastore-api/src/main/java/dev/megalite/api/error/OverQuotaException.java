package dev.megalite.api.error;

/** A configured quota is used up; nothing was written. */
public class OverQuotaException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  private final String quota;
  private final long limit;
  private final long usage;

  public OverQuotaException(String quota, long limit, long usage) {
    super(
        ErrorCode.OVER_QUOTA,
        "over quota: " + quota + " is limited to " + limit + " and " + usage + " is used");
    this.quota = quota;
    this.limit = limit;
    this.usage = usage;
  }

  public String quota() {
    return quota;
  }

  public long limit() {
    return limit;
  }

  public long usage() {
    return usage;
  }
}
