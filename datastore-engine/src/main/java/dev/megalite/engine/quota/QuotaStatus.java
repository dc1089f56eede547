package dev.megalite.engine.quota;

/**
 * One rate quota in a {@link QuotaUsage}.
 *
 * @param unit what the counts count, e.g. {@code write ops}, {@code bytes}, {@code ns}
 * @param today the total since the quota day started
 * @param thisMinute the total in the current clock minute
 * @param dailyLimit the daily limit, or {@link QuotaUsage#UNLIMITED}
 * @param perMinuteLimit the per-minute limit, or {@link QuotaUsage#UNLIMITED}
 */
public record QuotaStatus(
    String unit, long today, long thisMinute, long dailyLimit, long perMinuteLimit) {}
