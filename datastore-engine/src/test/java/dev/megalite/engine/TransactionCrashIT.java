package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a process in the middle of transactional increments ({@link TxnCrashWorker}) with SIGKILL
 * and checks what the reopened RocksDB store holds: every acknowledged commit, no partial commit,
 * and consistent indexes. Each seed kills the same store twice, so recovery is also tested on a
 * store that already went through a crash.
 */
class TransactionCrashIT {
  private static final int THREADS = 6;
  private static final int COUNTERS = 3;
  private static final int ROUNDS = 2;
  private static final int MAX_ACKS_BEFORE_KILL = 600;
  private static final Pattern ACK = Pattern.compile("c(\\d+) (\\d+)");

  @TempDir Path tempDir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 22, 33, 44, 55, 66})
  void aKilledWriterLosesNoAcknowledgedCommitAndLeavesNoPartialOne(long seed) throws Exception {
    Random random = new Random(seed);
    Path dir = tempDir.resolve("db");
    long[] highestAcked = new long[COUNTERS];

    for (int round = 1; round <= ROUNDS; round++) {
      int killAfter = 1 + random.nextInt(MAX_ACKS_BEFORE_KILL);
      String run = "s" + seed + "r" + round;
      int acks = runAndKill(dir, run, killAfter, random.nextInt(20), highestAcked);
      assertThat(acks).as("acknowledged commits in %s", run).isGreaterThanOrEqualTo(killAfter);

      try (MegaliteDatastore ds = Megalite.open(dir)) {
        for (int c = 0; c < COUNTERS; c++) {
          Key counter = TxnCrashWorker.counterKey(ds, c);
          Entity stored = ds.get(counter);
          long value = stored == null ? 0 : stored.getLong("n");
          List<Long> incs = incValues(ds, counter);

          assertThat(value)
              .as("counter c%d against its highest acknowledged value (%s)", c, run)
              .isGreaterThanOrEqualTo(highestAcked[c]);
          // One Inc per committed increment, holding the value that increment wrote: any partial
          // commit (counter without its Inc, or the reverse) or lost commit breaks this.
          assertThat(incs)
              .as("values of c%d's Inc children (%s)", c, run)
              .isEqualTo(LongStream.rangeClosed(1, value).boxed().toList());
        }
        assertThat(ds.checkConsistency().isClean()).isTrue();
      }
    }
  }

  /**
   * Starts a worker on {@code dir}, kills it with SIGKILL after {@code killAfter} acknowledged
   * commits and {@code extraMillis} more, and folds every acknowledgement read before the kill into
   * {@code highestAcked}. Returns how many acknowledgements were read.
   */
  private int runAndKill(Path dir, String run, int killAfter, int extraMillis, long[] highestAcked)
      throws IOException, InterruptedException {
    Path stderr = tempDir.resolve("worker-" + run + ".err");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(
        java.toString(),
        "-Xmx256m",
        "-cp",
        System.getProperty("java.class.path"),
        TxnCrashWorker.class.getName(),
        dir.toString(),
        Integer.toString(THREADS),
        Integer.toString(COUNTERS),
        run));
    Process worker = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    int acks = 0;
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
      String first = lines.readLine();
      if (!TxnCrashWorker.READY.equals(first)) {
        fail("the worker did not start: first line %s; stderr:%n%s", first, read(stderr));
      }
      String line;
      while (acks < killAfter && (line = lines.readLine()) != null) {
        acks += ack(line, highestAcked);
      }
      if (acks < killAfter) {
        fail("the worker stopped after %d acknowledgements; stderr:%n%s", acks, read(stderr));
      }
      Thread.sleep(extraMillis);
      // SIGKILL. It also closes our end of the pipe, so acknowledgements not read by now are not
      // counted: the check is against a lower bound of what was acknowledged, which is sound.
      worker.destroyForcibly();
      assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      worker.destroyForcibly();
      worker.waitFor(60, TimeUnit.SECONDS);
    }
    return acks;
  }

  /** Folds one acknowledgement line into {@code highestAcked}; returns 1, or 0 for another line. */
  private static int ack(String line, long[] highestAcked) {
    Matcher m = ACK.matcher(line);
    if (!m.matches()) {
      return 0;
    }
    int c = Integer.parseInt(m.group(1));
    highestAcked[c] = Math.max(highestAcked[c], Long.parseLong(m.group(2)));
    return 1;
  }

  /** The values of {@code counter}'s Inc children, sorted. */
  private static List<Long> incValues(MegaliteDatastore ds, Key counter) {
    List<Long> values = new ArrayList<>();
    try (QueryResults<Entity> r =
        ds.run(Query.newBuilder(TxnCrashWorker.INC_KIND).ancestor(counter).build())) {
      r.forEachRemaining(e -> values.add(e.getLong("value")));
    }
    values.sort(null);
    return values;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(no stderr)";
  }
}
