package dev.megalite.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quota days start at a local time of a zone, and daylight saving makes some 23 or 25 hours. */
class QuotaDayTest {
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private static QuotaDay day(String instant, ZoneId zone, LocalTime reset) {
    return QuotaDay.containing(Instant.parse(instant).toEpochMilli(), zone, reset);
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void aWinterDayStartsAtMidnightPacificWhichIsEightInTheMorningUtc() {
    QuotaDay d = day("2024-01-15T20:00:00Z", PACIFIC, LocalTime.MIDNIGHT);
    assertThat(d.start()).isEqualTo(at("2024-01-15T08:00:00Z"));
    assertThat(d.end()).isEqualTo(at("2024-01-16T08:00:00Z"));
  }

  @Test
  void justBeforeMidnightPacificIsStillTheDayBefore() {
    QuotaDay d = day("2024-07-15T06:59:59.999Z", PACIFIC, LocalTime.MIDNIGHT);
    assertThat(d.start()).isEqualTo(at("2024-07-14T07:00:00Z"));
    assertThat(d.contains(at("2024-07-15T07:00:00Z"))).isFalse();
  }

  @Test
  void theDayClocksSpringForwardLasts23HoursAndTheDayTheyFallBack25() {
    QuotaDay spring = day("2024-03-10T12:00:00Z", PACIFIC, LocalTime.MIDNIGHT);
    assertThat(Duration.ofMillis(spring.end() - spring.start())).isEqualTo(Duration.ofHours(23));
    QuotaDay fall = day("2024-11-03T12:00:00Z", PACIFIC, LocalTime.MIDNIGHT);
    assertThat(Duration.ofMillis(fall.end() - fall.start())).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void aResetTimeSkippedBySpringForwardMovesForwardByTheGap() {
    QuotaDay d = day("2024-03-10T12:00:00Z", PACIFIC, LocalTime.of(2, 30));
    // 02:30 does not exist on 10 March 2024 in Los Angeles: the day starts at 03:30 PDT.
    assertThat(d.start()).isEqualTo(at("2024-03-10T10:30:00Z"));
  }

  @Test
  void aResetTimeOtherThanMidnightInAnotherZone() {
    QuotaDay d = day("2024-05-01T05:59:00Z", ZoneId.of("UTC"), LocalTime.of(6, 0));
    assertThat(d.start()).isEqualTo(at("2024-04-30T06:00:00Z"));
    assertThat(d.end()).isEqualTo(at("2024-05-01T06:00:00Z"));
  }
}
