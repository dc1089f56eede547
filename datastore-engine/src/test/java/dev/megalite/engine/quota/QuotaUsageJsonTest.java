package dev.megalite.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.megalite.engine.testing.ManualClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The usage snapshot is plain data: Jackson writes it to JSON and reads it back as it was. */
class QuotaUsageJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  private QuotaUsage usage() {
    QuotaMeter meter = QuotaMeter.of(
        QuotaConfig.newBuilder().daily(Quota.ENTITY_WRITES, 20_000).storedData(1 << 30).build(),
        new ManualClock(Instant.parse("2024-01-15T20:00:00Z")));
    meter.beginCall();
    meter.reserve(Quota.ENTITY_WRITES, 12);
    return meter.usage("demo", StoredDataUsage.of(
        Map.of("Item", new StoredDataUsage.KindUsage(2, 300, 500)), 1 << 30));
  }

  @Test
  void theSnapshotSerialisesToJsonWithEveryQuotaByName() throws Exception {
    JsonNode tree = json.readTree(json.writeValueAsString(usage()));
    assertThat(tree.get("projectId").asText()).isEqualTo("demo");
    assertThat(tree.get("resetZone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(tree.get("dayStarted").asText()).isEqualTo("2024-01-15T00:00-08:00");
    assertThat(tree.get("nextReset").asText()).isEqualTo("2024-01-16T00:00-08:00");
    JsonNode writes = tree.get("quotas").get("entity_writes");
    assertThat(writes.get("today").asLong()).isEqualTo(12);
    assertThat(writes.get("thisMinute").asLong()).isEqualTo(12);
    assertThat(writes.get("dailyLimit").asLong()).isEqualTo(20_000);
    assertThat(writes.get("perMinuteLimit").asLong()).isEqualTo(QuotaUsage.UNLIMITED);
    assertThat(writes.get("unit").asText()).isEqualTo("write ops");
    assertThat(tree.get("quotas").get("api_calls").get("today").asLong()).isEqualTo(1);
    assertThat(tree.get("quotas").has("stored_data")).isFalse();
    JsonNode stored = tree.get("storedData");
    assertThat(stored.get("totalBytes").asLong()).isEqualTo(800);
    assertThat(stored.get("limitBytes").asLong()).isEqualTo(1 << 30);
    assertThat(stored.get("kinds").get("Item").get("entities").asLong()).isEqualTo(2);
  }

  @Test
  void theJsonReadsBackIntoAnEqualSnapshot() throws Exception {
    QuotaUsage usage = usage();
    assertThat(json.readValue(json.writeValueAsString(usage), QuotaUsage.class)).isEqualTo(usage);
  }
}
