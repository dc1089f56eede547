package dev.megalite.engine.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The quota day containing an instant: it starts at the configured local time in the configured
 * zone and ends at that local time the next day, so with daylight saving a day may last 23 or 25
 * hours. A local time that does not exist (skipped by a transition) moves forward by the gap.
 *
 * @param start the first millisecond of the day (epoch millis)
 * @param end the first millisecond of the next day
 */
record QuotaDay(long start, long end) {

  boolean contains(long millis) {
    return millis >= start && millis < end;
  }

  /** The quota day containing epoch millisecond {@code millis}. */
  static QuotaDay containing(long millis, ZoneId zone, LocalTime resetTime) {
    LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    ZonedDateTime start = ZonedDateTime.of(date, resetTime, zone);
    if (start.toInstant().toEpochMilli() > millis) {
      start = ZonedDateTime.of(date.minusDays(1), resetTime, zone);
    }
    ZonedDateTime end = ZonedDateTime.of(start.toLocalDate().plusDays(1), resetTime, zone);
    return new QuotaDay(start.toInstant().toEpochMilli(), end.toInstant().toEpochMilli());
  }
}
