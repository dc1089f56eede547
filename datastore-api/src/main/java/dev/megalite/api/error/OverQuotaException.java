package dev.megalite.api.error;

import java.util.Locale;

/**
 * A configured quota is used up; the call wrote nothing. Names the quota ({@code entity_writes}),
 * its window ({@code daily}, {@code per-minute}, or {@code level} for stored data, which never
 * resets), the limit, the usage before the call and what the call needed.
 */
public class OverQuotaException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  private final String quota;
  private final String window;
  private final long limit;
  private final long usage;
  private final long requested;

  /**
   * @param quota the quota's name, e.g. {@code entity_writes}
   * @param window {@code daily}, {@code per-minute} or {@code level}
   * @param limit the configured limit, in the quota's unit
   * @param usage what was used (or stored) before this call
   * @param requested what this call needed on top
   * @param unit the quota's unit, for the message (e.g. {@code bytes})
   */
  public OverQuotaException(
      String quota, String window, long limit, long usage, long requested, String unit) {
    super(
        ErrorCode.OVER_QUOTA,
        String.format(
            Locale.ROOT,
            "over quota: %s %s limit is %,d %s; %,d used, this call needs %,d more",
            window, quota, limit, unit, usage, requested));
    this.quota = quota;
    this.window = window;
    this.limit = limit;
    this.usage = usage;
    this.requested = requested;
  }

  /** The quota's name, e.g. {@code entity_writes}. */
  public String quota() {
    return quota;
  }

  /** {@code daily}, {@code per-minute}, or {@code level} (stored data). */
  public String window() {
    return window;
  }

  public long limit() {
    return limit;
  }

  /** What was used (or stored) before the call. */
  public long usage() {
    return usage;
  }

  /** What the call needed on top of {@link #usage()}. */
  public long requested() {
    return requested;
  }
}
