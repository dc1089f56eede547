package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.megalite.api.Entity;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Value;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.Query;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while every write it makes is unapplied (consistency 0, so global
 * queries see none of them) and checks that the reopened store has every acknowledged write:
 * eventual consistency holds back only what global queries read, never what is stored.
 */
class ConsistencyCrashIT {
  private static final int KILL_AFTER = 150;
  private static final Query ITEMS = Query.newBuilder("Item").build();

  @TempDir Path tempDir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // a hung child must not hang the build
  void unappliedWritesSurviveAKillAndAreVisibleToGlobalQueriesAfterReopening() throws Exception {
    Path dataDir = tempDir.resolve("db");
    Path stdout = tempDir.resolve("child-stdout.txt");
    Path stderr = tempDir.resolve("child-stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Process child = new ProcessBuilder(java, "-cp", cp, Writer.class.getName(), dataDir.toString())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    List<long[]> acks;
    try {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while ((acks = acks(stdout)).size() < KILL_AFTER) {
        if (!child.isAlive() || System.nanoTime() - giveUp > 0) {
          fail("child stopped after %d acks; stderr:%n%s", acks.size(), Files.readString(stderr));
        }
        Thread.sleep(5);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    acks = acks(stdout); // what it printed before it died was acknowledged too
    assertThat(acks).allSatisfy(a -> assertThat(a[1]).as("entities a global query saw").isZero());

    try (MegaliteDatastore ds = Megalite.open(dataDir)) {
      for (long[] a : acks) {
        Entity e = ds.get(ds.newKey("Item", "i" + a[0]));
        assertThat(e).as("acknowledged item %d", a[0]).isNotNull();
        assertThat(e.getLong("n")).isEqualTo(a[0]);
      }
      long all = count(ds);
      assertThat(all).isGreaterThanOrEqualTo(acks.size()).isLessThanOrEqualTo(acks.size() + 1);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }
  }

  /** The complete "ACK i visible" lines printed so far, as {i, visible}. */
  private static List<long[]> acks(Path stdout) throws Exception {
    String text = Files.readString(stdout, StandardCharsets.US_ASCII);
    List<long[]> out = new ArrayList<>();
    int end = text.lastIndexOf('\n'); // a line cut off by the kill is not an acknowledgement
    for (String line : text.substring(0, Math.max(end, 0)).split("\n")) {
      String[] f = line.split(" ");
      if (f[0].equals("ACK")) {
        out.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return out;
  }

  private static long count(MegaliteDatastore ds) {
    Value n = ds.runAggregation(AggregationQuery.of(ITEMS, Aggregation.count().as("n"))).get("n");
    return ((IntegerValue) n).value();
  }

  /**
   * The child: with consistency 0 and an hour's roll-forward delay, puts one entity per entity
   * group and prints {@code ACK <i> <entities a global query sees>} after each put has returned.
   * Stops on its own after a minute, so that an orphan never runs for long.
   */
  static final class Writer {
    private Writer() {}

    public static void main(String[] args) {
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
      MegaliteDatastore ds = Megalite.open(MegaliteOptions.newBuilder()
          .dataDir(Path.of(args[0]))
          .consistency(0.0)
          .consistencySeed(1)
          .rollForwardDelay(Duration.ofHours(1))
          .build());
      long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (int i = 0; System.nanoTime() - stopAt < 0; i++) {
        ds.put(Entity.newBuilder(ds.newKey("Item", "i" + i)).set("n", i).build());
        out.println("ACK " + i + " " + count(ds));
        out.flush();
      }
      ds.close();
    }
  }
}
