package dev.megalite.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.BadRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quota configuration: the builder, the App Engine preset, and the YAML file with its errors. */
class QuotaConfigTest {
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;
  private static final long HOUR = 3_600_000_000_000L;

  @TempDir Path dir;

  @Test
  void unconfiguredQuotasEnforceNothingAndResetAtMidnightPacific() {
    QuotaConfig c = QuotaConfig.unlimited();
    for (Quota q : Quota.values()) {
      assertThat(c.dailyLimit(q)).isEqualTo(QuotaConfig.UNLIMITED);
      assertThat(c.perMinuteLimit(q)).isEqualTo(QuotaConfig.UNLIMITED);
    }
    assertThat(c.storedDataLimit()).isEqualTo(QuotaConfig.UNLIMITED);
    assertThat(c.resetZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(c.resetTime()).isEqualTo(LocalTime.MIDNIGHT);
  }

  @Test
  void appEngineFreePresetHasThe2009FreeQuotasAndTodaysFreeOperations() {
    QuotaConfig c = QuotaConfig.appEngineFree();
    assertThat(c.dailyLimit(Quota.API_CALLS)).isEqualTo(10_000_000);
    assertThat(c.perMinuteLimit(Quota.API_CALLS)).isEqualTo(57_000);
    assertThat(c.dailyLimit(Quota.DATA_RECEIVED)).isEqualTo(115 * GIB);
    assertThat(c.perMinuteLimit(Quota.DATA_RECEIVED)).isEqualTo(659 * MIB);
    assertThat(c.dailyLimit(Quota.CPU_TIME)).isEqualTo(60 * HOUR);
    assertThat(c.perMinuteLimit(Quota.CPU_TIME)).isEqualTo(20 * 60_000_000_000L);
    assertThat(c.storedDataLimit()).isEqualTo(GIB);
    assertThat(c.dailyLimit(Quota.ENTITY_READS)).isEqualTo(50_000);
    assertThat(c.dailyLimit(Quota.ENTITY_WRITES)).isEqualTo(20_000);
    assertThat(c.dailyLimit(Quota.ENTITY_DELETES)).isEqualTo(20_000);
    assertThat(c.dailyLimit(Quota.SMALL_OPS)).isEqualTo(QuotaConfig.UNLIMITED);
  }

  @Test
  void yamlSetsLimitsWithUnitsAndTheResetTime() {
    QuotaConfig c = QuotaConfig.parseYaml(String.join("\n",
        "reset:",
        "  zone: Europe/Berlin",
        "  time: \"06:30\"",
        "quotas:",
        "  entity_writes: {daily: 20000, per_minute: 1_000}",
        "  data_sent: {daily: 12GiB, per_minute: 68MB}",
        "  cpu_time: {daily: 60h, per_minute: 1500ms}",
        "  stored_data: {limit: 1GiB}",
        ""));
    assertThat(c.resetZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.resetTime()).isEqualTo(LocalTime.of(6, 30));
    assertThat(c.dailyLimit(Quota.ENTITY_WRITES)).isEqualTo(20_000);
    assertThat(c.perMinuteLimit(Quota.ENTITY_WRITES)).isEqualTo(1_000);
    assertThat(c.dailyLimit(Quota.DATA_SENT)).isEqualTo(12 * GIB);
    assertThat(c.perMinuteLimit(Quota.DATA_SENT)).isEqualTo(68_000_000);
    assertThat(c.dailyLimit(Quota.CPU_TIME)).isEqualTo(60 * HOUR);
    assertThat(c.perMinuteLimit(Quota.CPU_TIME)).isEqualTo(1_500_000_000L);
    assertThat(c.storedDataLimit()).isEqualTo(GIB);
    assertThat(c.dailyLimit(Quota.ENTITY_READS)).isEqualTo(QuotaConfig.UNLIMITED);
  }

  @Test
  void yamlStartsFromAPresetAndOverridesIt() {
    QuotaConfig c = QuotaConfig.parseYaml(
        "preset: appengine_free\nquotas:\n  entity_reads: {daily: unlimited}\n"
            + "  small_ops: {per_minute: 10}\n");
    assertThat(c.dailyLimit(Quota.ENTITY_READS)).isEqualTo(QuotaConfig.UNLIMITED);
    assertThat(c.perMinuteLimit(Quota.SMALL_OPS)).isEqualTo(10);
    assertThat(c.dailyLimit(Quota.ENTITY_WRITES)).isEqualTo(20_000);
    assertThat(c).isEqualTo(QuotaConfig.appEngineFree().toBuilder()
        .daily(Quota.ENTITY_READS, QuotaConfig.UNLIMITED)
        .perMinute(Quota.SMALL_OPS, 10)
        .build());
  }

  @Test
  void anEmptyFileEnforcesNothing() {
    assertThat(QuotaConfig.parseYaml("# nothing yet\n")).isEqualTo(QuotaConfig.unlimited());
  }

  @Test
  void aFileIsReadAndItsErrorsNameIt() throws IOException {
    Path file = dir.resolve("quotas.yaml");
    Files.writeString(file, "quotas:\n  api_calls: {daily: 5}\n");
    assertThat(QuotaConfig.fromYaml(file).dailyLimit(Quota.API_CALLS)).isEqualTo(5);
    Files.writeString(file, "quotas:\n  api_calls: {daily: five}\n");
    assertThatThrownBy(() -> QuotaConfig.fromYaml(file))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("quotas.api_calls.daily");
  }

  @Test
  void anUnknownQuotaIsAnErrorNamingTheKeyAndTheKnownQuotas() {
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  entity_puts: {daily: 5}\n"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("quotas.entity_puts")
        .hasMessageContaining("entity_writes");
  }

  @Test
  void unknownKeysAreErrorsNamingTheKey() {
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  api_calls: {hourly: 5}\n"))
        .hasMessageContaining("quotas.api_calls.hourly");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("limits:\n  api_calls: 5\n"))
        .hasMessageContaining("limits: unknown key");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("reset: {zone: UTC, day: monday}\n"))
        .hasMessageContaining("reset.day");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  stored_data: {daily: 1GiB}\n"))
        .hasMessageContaining("quotas.stored_data.daily");
  }

  @Test
  void badValuesAreErrorsNamingTheKey() {
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  cpu_time: {daily: 3600}\n"))
        .hasMessageContaining("quotas.cpu_time.daily")
        .hasMessageContaining("no unit");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  data_sent: {daily: 3 parsecs}\n"))
        .hasMessageContaining("quotas.data_sent.daily");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  api_calls: {daily: -3}\n"))
        .hasMessageContaining("quotas.api_calls.daily");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  api_calls: {daily: 5GiB}\n"))
        .hasMessageContaining("quotas.api_calls.daily");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("reset: {zone: Mars/Olympus}\n"))
        .hasMessageContaining("reset.zone");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("reset: {time: \"25:00\"}\n"))
        .hasMessageContaining("reset.time");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("preset: generous\n"))
        .hasMessageContaining("preset");
    assertThatThrownBy(() -> QuotaConfig.parseYaml("quotas:\n  api_calls: {daily: 5, daily: 6}\n"))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void storedDataIsALevelWithoutDailyOrPerMinuteLimits() {
    assertThatThrownBy(() -> QuotaConfig.newBuilder().daily(Quota.STORED_DATA, 5))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("stored_data is a level");
    assertThatThrownBy(() -> QuotaConfig.newBuilder().perMinute(Quota.API_CALLS, -1))
        .isInstanceOf(BadRequestException.class);
  }
}
