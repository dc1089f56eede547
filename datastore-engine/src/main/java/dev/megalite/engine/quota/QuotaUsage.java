package dev.megalite.engine.quota;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of one project's quota usage: every rate quota's count today and this minute with
 * its limits, the stored data, and the quota day's bounds. Plain data (strings, numbers, maps) so
 * that it serialises to JSON as is, e.g. with Jackson.
 *
 * @param projectId the project
 * @param resetZone the zone whose local reset time starts each quota day, e.g. {@code
 *     America/Los_Angeles}
 * @param dayStarted when the current quota day started, ISO-8601 with offset
 * @param nextReset when it ends and the daily counts reset, ISO-8601 with offset
 * @param minuteStarted the start of the current per-minute window, ISO-8601 with offset
 * @param quotas the rate quotas by name ({@code api_calls}, {@code entity_writes}, …), in a fixed
 *     order
 * @param storedData the stored data, a level that never resets
 */
public record QuotaUsage(
    String projectId,
    String resetZone,
    String dayStarted,
    String nextReset,
    String minuteStarted,
    Map<String, QuotaStatus> quotas,
    StoredDataUsage storedData) {
  /** What a limit is when none is configured. */
  public static final long UNLIMITED = -1;

  public QuotaUsage {
    quotas = Collections.unmodifiableMap(new LinkedHashMap<>(quotas));
  }

  /** The status of rate quota {@code quota}. */
  public QuotaStatus quota(Quota quota) {
    return quotas.get(quota.configName());
  }
}
