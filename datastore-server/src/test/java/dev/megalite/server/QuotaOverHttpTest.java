package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreException;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.Key;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotas through the server: enforced from a quota file, reported over HTTP. */
class QuotaOverHttpTest {
  @TempDir Path dir;

  @Test
  void anExhaustedQuotaIsResourceExhaustedAndUsageIsReadableAsJson() throws Exception {
    Path quota = dir.resolve("quota.yaml");
    // One entity with one indexed value costs 2 + 2 × 1 = 4 write ops: two fit, the third not.
    Files.writeString(quota, "quotas:\n  entity_writes:\n    daily: 8\n");
    try (ServerFixture f = new ServerFixture(dir.resolve("data"), b -> b.quotaFile(quota))) {
      Datastore ds = f.client();
      ds.put(Entity.newBuilder(key(ds, "a")).set("n", 1).build());
      ds.put(Entity.newBuilder(key(ds, "b")).set("n", 2).build());
      DatastoreException e = catchThrowableOfType(DatastoreException.class,
          () -> ds.put(Entity.newBuilder(key(ds, "c")).set("n", 3).build()));
      assertThat(e.getReason()).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(e.getMessage()).containsIgnoringCase("write");
      assertThat(ds.get(key(ds, "c"))).isNull();

      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(f.url() + "/quota")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode usage = new ObjectMapper().readTree(r.body()).get("test-project");
      assertThat(usage.get("projectId").asText()).isEqualTo("test-project");
      JsonNode writes = usage.get("quotas").get("entity_writes");
      assertThat(writes.get("today").asLong()).isEqualTo(8);
      assertThat(writes.get("dailyLimit").asLong()).isEqualTo(8);
      assertThat(usage.get("storedData").toString()).contains("Thing");
    }
  }

  private static Key key(Datastore ds, String name) {
    return ds.newKeyFactory().setKind("Thing").newKey(name);
  }
}
