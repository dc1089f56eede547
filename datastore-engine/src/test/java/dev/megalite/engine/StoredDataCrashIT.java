package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.megalite.api.Entity;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.quota.QuotaUsage;
import dev.megalite.engine.quota.StoredDataUsage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a process with SIGKILL while several threads write ({@link StoredDataCrashWorker}) and
 * checks that the stored data kept by the reopened store equals a recount from its rows. The
 * first round runs without composite indexes; the second declares one, so the kill can also land
 * in the middle of its background build and of the stored-data folds.
 */
class StoredDataCrashIT {
  private static final String INDEX = "indexes:\n- kind: Doc\n  properties:\n  - name: tag\n"
      + "  - name: n\n    direction: desc\n";

  @TempDir Path tempDir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 6, 7, 8})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void storedDataAfterAKillMatchesARecount(long seed) throws Exception {
    Random random = new Random(seed);
    Path dir = tempDir.resolve("db");
    Path indexFile = tempDir.resolve("index.yaml");
    for (int round = 1; round <= 2; round++) {
      Files.writeString(indexFile, round == 1 ? "indexes: []\n" : INDEX);
      int killAfter = 50 + random.nextInt(round == 1 ? 6_000 : 300);
      runAndKill(dir, indexFile, seed * 10 + round, killAfter, random.nextInt(30));
      try (MegaliteDatastore ds = Megalite.open(
          MegaliteOptions.newBuilder().dataDir(dir).indexFile(indexFile).build())) {
        if (round == 2) {
          // A build the kill interrupted resumes in the background; a query that needs the index
          // finishes it, so that the figures below stand still while they are compared.
          try (QueryResults<Entity> r = ds.run(Query.newBuilder("Doc")
              .filter(Filter.eq("tag", "t1")).orderBy(SortOrder.desc("n")).build())) {
            r.forEachRemaining(e -> { });
          }
        }
        ConsistencyReport report = ds.checkConsistency();
        assertThat(report.problems()).as("round %d", round).isEmpty();
        StoredDataUsage recount = report.storedData();
        assertThat(recount.entities()).isPositive();
        StoredDataUsage kept = ds.quotaUsage().storedData();
        assertThat(kept).isEqualTo(new StoredDataUsage(recount.totalBytes(),
            recount.entityBytes(), recount.indexBytes(), recount.entities(),
            QuotaUsage.UNLIMITED, recount.kinds()));
      }
    }
  }

  private void runAndKill(Path dir, Path indexFile, long seed, int killAfter, int extraMillis)
      throws IOException, InterruptedException {
    Path stderr = tempDir.resolve("worker-" + seed + ".err");
    Process worker = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp",
        System.getProperty("java.class.path"),
        StoredDataCrashWorker.class.getName(),
        dir.toString(),
        indexFile.toString(),
        "3",
        Long.toString(seed)))
        .redirectError(stderr.toFile())
        .start();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
      String first = lines.readLine();
      if (!StoredDataCrashWorker.READY.equals(first)) {
        fail("the worker did not start: first line %s; stderr:%n%s", first, read(stderr));
      }
      int acks = 0;
      while (acks < killAfter && lines.readLine() != null) {
        acks++;
      }
      if (acks < killAfter) {
        fail("the worker stopped after %d batches; stderr:%n%s", acks, read(stderr));
      }
      Thread.sleep(extraMillis);
    } finally {
      worker.destroyForcibly(); // SIGKILL, also when the test failed
      assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(no stderr)";
  }
}
