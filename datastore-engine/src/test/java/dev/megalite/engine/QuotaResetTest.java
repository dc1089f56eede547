package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import dev.megalite.engine.quota.Quota;
import dev.megalite.engine.quota.QuotaConfig;
import dev.megalite.engine.quota.QuotaUsage;
import dev.megalite.engine.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily counts reset at the day boundary of the injected clock; stored data never resets. */
class QuotaResetTest {
  /** 23:59:30 in Los Angeles (PST, UTC-8): 30 seconds before the quota day ends. */
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-16T07:59:30Z"));

  @TempDir Path dir;

  private MegaliteDatastore open(QuotaConfig quotas) {
    return Megalite.open(MegaliteOptions.newBuilder().dataDir(dir.resolve("db")).quotas(quotas)
        .clock(clock).build());
  }

  private static void work(MegaliteDatastore ds, long id) {
    ds.put(Entity.newBuilder(ds.newKey("Item", id)).set("n", id).build());
  }

  @Test
  void dailyCountsResetAtMidnightPacific() {
    try (MegaliteDatastore ds = open(QuotaConfig.unlimited())) {
      work(ds, 1);
      work(ds, 2);
      QuotaUsage before = ds.quotaUsage();
      assertThat(before.quota(Quota.API_CALLS).today()).isEqualTo(2);
      assertThat(before.dayStarted()).isEqualTo("2024-01-15T00:00-08:00");
      assertThat(before.nextReset()).isEqualTo("2024-01-16T00:00-08:00");

      clock.advance(Duration.ofSeconds(29));
      work(ds, 3);
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isEqualTo(3);

      clock.advance(Duration.ofSeconds(1)); // midnight
      QuotaUsage after = ds.quotaUsage();
      assertThat(after.quota(Quota.API_CALLS).today()).isZero();
      assertThat(after.quota(Quota.ENTITY_WRITES).today()).isZero();
      assertThat(after.dayStarted()).isEqualTo("2024-01-16T00:00-08:00");
      assertThat(after.storedData().entities()).isEqualTo(3);
      work(ds, 4);
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isEqualTo(4);
    }
  }

  @Test
  void perMinuteCountsRollOnMinuteBoundariesWhileTheDayAddsUp() {
    clock.set(Instant.parse("2024-01-15T20:00:10Z"));
    try (MegaliteDatastore ds = open(QuotaConfig.unlimited())) {
      work(ds, 1);
      clock.advance(Duration.ofSeconds(49)); // 20:00:59
      work(ds, 2);
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).thisMinute()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(1)); // 20:01:00
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).thisMinute()).isZero();
      assertThat(ds.quotaUsage().minuteStarted()).isEqualTo("2024-01-15T12:01-08:00");
      work(ds, 3);
      QuotaUsage u = ds.quotaUsage();
      assertThat(u.quota(Quota.API_CALLS).thisMinute()).isEqualTo(1);
      assertThat(u.quota(Quota.API_CALLS).today()).isEqualTo(3);
    }
  }

  @Test
  void aConfiguredResetTimeAndZoneStartTheDay() {
    QuotaConfig sixUtc = QuotaConfig.newBuilder().resetZone(ZoneOffset.UTC)
        .resetTime(LocalTime.of(6, 0)).daily(Quota.API_CALLS, 1).build();
    clock.set(Instant.parse("2024-01-16T05:59:59Z"));
    try (MegaliteDatastore ds = open(sixUtc)) {
      work(ds, 1);
      assertThat(ds.quotaUsage().nextReset()).isEqualTo("2024-01-16T06:00Z");
      clock.advance(Duration.ofSeconds(1));
      work(ds, 2); // allowed again: a new day
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isEqualTo(1);
    }
  }

  @Test
  void dailyCountsSurviveAReopenOnTheSameDayButNotIntoTheNext() {
    try (MegaliteDatastore ds = open(QuotaConfig.unlimited())) {
      work(ds, 1);
      work(ds, 2);
    }
    try (MegaliteDatastore ds = open(QuotaConfig.unlimited())) {
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isEqualTo(2);
      assertThat(ds.quotaUsage().quota(Quota.ENTITY_WRITES).today()).isEqualTo(8);
    }
    clock.advance(Duration.ofMinutes(1));
    try (MegaliteDatastore ds = open(QuotaConfig.unlimited())) {
      assertThat(ds.quotaUsage().quota(Quota.API_CALLS).today()).isZero();
      assertThat(ds.quotaUsage().storedData().entities()).isEqualTo(2);
    }
  }
}
