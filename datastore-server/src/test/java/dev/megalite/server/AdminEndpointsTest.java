package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.Query;
import com.google.common.collect.ImmutableList;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's own endpoints: health, reset (which, unlike Google's emulator, wipes data stored
 * on disk), persist, shutdown, their old App Engine names, and the methods they refuse.
 */
class AdminEndpointsTest {
  static final String OTHER = "other-project";
  static final String INDEX_YAML = """
      indexes:
      - kind: Task
        properties:
        - name: owner
        - name: done
          direction: desc
      """;

  @TempDir Path dir;

  static Key put(Datastore ds, String name) {
    Key key = ds.newKeyFactory().setKind("Task").newKey(name);
    ds.put(Entity.newBuilder(key).set("owner", "ada").set("done", false).build());
    return key;
  }

  static long count(Datastore ds) {
    return ImmutableList.copyOf(ds.run(Query.newKeyQueryBuilder().setKind("Task").build())).size();
  }

  @Test
  void theHealthCheckAnswersOk() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<byte[]> r = new Http(f.server.port()).get("/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Http.text(r).strip()).isEqualTo("Ok");
    }
  }

  @Test
  void resetWipesEveryProjectOnDiskKeepsIndexFilesAndServesOn() throws Exception {
    Path indexFile = dir.resolve("test-project").resolve("index.yaml");
    Files.createDirectories(indexFile.getParent());
    Files.writeString(indexFile, INDEX_YAML);
    try (ServerFixture f = new ServerFixture(dir)) {
      put(f.client(), "a");
      put(f.client(OTHER, null), "b");
      assertThat(count(f.client())).isEqualTo(1);
      // Files that only a deleted store directory loses.
      Path marker = Files.writeString(dir.resolve("test-project/store/marker"), "x");
      Path otherMarker = Files.writeString(dir.resolve(OTHER + "/store/marker"), "x");

      HttpResponse<byte[]> r = new Http(f.server.port()).post("/reset");

      assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
      assertThat(marker).doesNotExist();
      assertThat(otherMarker).doesNotExist();
      assertThat(indexFile).hasContent(INDEX_YAML);
      assertThat(count(f.client())).isZero();
      assertThat(count(f.client(OTHER, null))).isZero();
      Key c = put(f.client(), "c");
      assertThat(f.client().get(c)).isNotNull();
    }
    try (ServerFixture again = new ServerFixture(dir)) {
      assertThat(count(again.client())).isEqualTo(1);
      assertThat(count(again.client(OTHER, null))).isZero();
    }
  }

  @Test
  void aTransactionOpenAtResetIsForgotten() {
    try (ServerFixture f = new ServerFixture(dir)) {
      Http http = new Http(f.server.port());
      String txn = Http.tree(http.json("test-project", "beginTransaction", "{}"))
          .path("transaction").asText();
      assertThat(txn).isNotEmpty();
      assertThat(http.post("/reset").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> commit = http.json("test-project", "commit",
          "{\"mode\":\"TRANSACTIONAL\",\"transaction\":\"" + txn + "\"}");
      assertThat(commit.statusCode()).as(Http.text(commit)).isEqualTo(400);
      assertThat(Http.text(commit)).contains("INVALID_ARGUMENT");
    }
  }

  @Test
  void resetInMemoryEmptiesTheStore() {
    try (ServerFixture f = new ServerFixture(dir, b -> b.inMemory(true))) {
      put(f.client(), "a");
      assertThat(new Http(f.server.port()).post("/reset").statusCode()).isEqualTo(200);
      assertThat(count(f.client())).isZero();
    }
  }

  @Test
  void persistAnswers200OnDiskAnd400InMemory() {
    try (ServerFixture f = new ServerFixture(dir)) {
      put(f.client(), "a");
      assertThat(new Http(f.server.port()).post("/persist").statusCode()).isEqualTo(200);
    }
    try (ServerFixture f = new ServerFixture(dir.resolve("unused"), b -> b.inMemory(true))) {
      HttpResponse<byte[]> r = new Http(f.server.port()).post("/persist");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(Http.text(r)).contains("memory");
    }
  }

  @Test
  void shutdownAnswersThenStopsTheServerAndTheDataSurvives() throws Exception {
    ServerFixture f = new ServerFixture(dir);
    try {
      Key key = put(f.client(), "kept");
      HttpResponse<byte[]> r = new Http(f.server.port()).post("/shutdown");
      assertThat(r.statusCode()).isEqualTo(200);
      f.server.whenStopped().get(30, TimeUnit.SECONDS);
      try (ServerFixture again = new ServerFixture(dir)) {
        assertThat(again.client().get(key).getString("owner")).isEqualTo("ada");
      }
    } finally {
      f.close();
    }
  }

  @Test
  void theOldAppEngineNamesResetAndQuit() throws Exception {
    ServerFixture f = new ServerFixture(dir);
    try {
      Http http = new Http(f.server.port());
      put(f.client(), "a");
      assertThat(http.post("/_ah/admin/datastore").statusCode()).isEqualTo(200);
      assertThat(count(f.client())).isZero();
      assertThat(http.post("/_ah/admin/quit").statusCode()).isEqualTo(200);
      f.server.whenStopped().get(30, TimeUnit.SECONDS);
    } finally {
      f.close();
    }
  }

  @Test
  void getOnResetOrShutdownIsRefusedAndChangesNothing() {
    try (ServerFixture f = new ServerFixture(dir)) {
      Http http = new Http(f.server.port());
      put(f.client(), "a");
      for (String path : new String[] {"/reset", "/shutdown", "/_ah/admin/datastore"}) {
        HttpResponse<byte[]> r = http.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(405);
        assertThat(Http.text(r)).contains("POST");
      }
      assertThat(count(f.client())).isEqualTo(1);
      assertThat(f.server.whenStopped()).isNotDone();
      assertThat(http.get("/").statusCode()).isEqualTo(200);
    }
  }
}
