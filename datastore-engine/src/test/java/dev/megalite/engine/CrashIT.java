package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a writing process with SIGKILL at a random point and checks what survives: every
 * acknowledged operation, and for the one operation that may have been in flight, either its
 * result or the state before it; no other entities; index rows that agree with the entities; and
 * id allocation that resumes past every id handed out.
 */
class CrashIT {
  /** The state of a key whose last operation was a delete (or that was never written). */
  private static final String ABSENT = "absent";

  @TempDir Path tempDir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 22, 33, 44, 55, 66})
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hung child must not hang the build
  void everyAcknowledgedWriteSurvivesAKillAndTheIndexesStayConsistent(long seed) throws Exception {
    Random rnd = new Random(seed);
    int killAfter = 200 + rnd.nextInt(4_000);
    boolean sync = seed % 2 == 0;
    Path dataDir = tempDir.resolve("db");
    Path stdout = tempDir.resolve("child-stdout.txt");
    Path stderr = tempDir.resolve("child-stderr.txt");
    // Stdout goes to a file, not a pipe: Process.destroyForcibly() closes the pipe, which would
    // lose lines the child printed (operations it completed) before it died.
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriter.class.getName(),
            dataDir.toString(),
            Long.toString(seed),
            Boolean.toString(sync))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();

    Ledger ledger = new Ledger();
    try (LineTail lines = new LineTail(stdout, child)) {
      String first = lines.next();
      if (!CrashWriter.READY.equals(first)) {
        fail("child did not start (first line %s); stderr:%n%s", first, Files.readString(stderr));
      }
      String line;
      while (ledger.acks < killAfter && (line = lines.next()) != null) {
        ledger.read(line);
      }
      if (ledger.acks < killAfter) {
        fail("child stopped after %d acks, before the kill; stderr:%n%s",
            ledger.acks, Files.readString(stderr));
      }
      child.destroyForcibly();
      child.waitFor();
      // What the child printed before it died was acknowledged too.
      while ((line = lines.next()) != null) {
        ledger.read(line);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(child.exitValue()).as("exit status of a SIGKILLed child").isNotZero();
    System.out.printf(
        "CrashIT seed %d (sync=%s): killed after %d acks (asked for %d); %d keys, %d in flight%n",
        seed, sync, ledger.acks, killAfter, ledger.known().size(), ledger.inFlight.size());

    try (MegaliteDatastore ds = Megalite.open(dataDir)) {
      List<String> wrong = new ArrayList<>();
      List<Key> keys = new ArrayList<>(ledger.known());
      List<Entity> stored = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i += 1000) { // App Engine's limit of keys per get
        stored.addAll(ds.get(keys.subList(i, Math.min(keys.size(), i + 1000))));
      }
      for (int i = 0; i < keys.size(); i++) {
        Key k = keys.get(i);
        String actual = stored.get(i) == null ? ABSENT : CrashWriter.hash(stored.get(i));
        Set<String> allowed = ledger.allowed(k);
        if (!allowed.contains(actual)) {
          wrong.add(k + " is " + actual + ", expected one of " + allowed);
        }
      }
      assertThat(wrong).as("keys whose state is not the last acknowledged one").isEmpty();

      Set<Key> knownKeys = new HashSet<>(keys);
      for (String ns : List.of("", "crash")) {
        Query everything = Query.newBuilder().namespace(ns).keysOnly().build();
        try (QueryResults<Entity> all = ds.run(everything)) {
          while (all.hasNext()) {
            Key k = all.next().completeKey();
            assertThat(knownKeys).as("keys the child wrote").contains(k);
          }
        }
      }
      ConsistencyReport report = ds.checkConsistency();
      assertThat(report.problems()).isEmpty();
      assertThat(report.entities()).isPositive();

      Set<Long> usedIds = new HashSet<>();
      keys.forEach(k -> {
        if (k.hasId()) {
          usedIds.add(k.id());
        }
      });
      for (Key fresh : ds.allocateIds(ds.newIncompleteKey("Doc"), 20_000)) {
        assertThat(usedIds).as("ids handed out before the crash").doesNotContain(fresh.id());
      }
      Entity after =
          ds.put(Entity.newBuilder(ds.newIncompleteKey("Doc")).set("after", true).build());
      assertThat(ds.get(after.completeKey())).isEqualTo(after);
    }
  }

  /** What the child reported: acknowledged states and the operation in flight. */
  private static final class Ledger {
    private final Map<Key, String> acked = new LinkedHashMap<>();
    /** The operation whose GO was read and whose DONE was not: key to its intended state. */
    private final Map<Key, String> inFlight = new HashMap<>();
    private final Map<Key, String> intent = new LinkedHashMap<>();
    private final Set<Key> seen = new HashSet<>();
    private int acks;
    private int operation;

    void read(String line) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "BEGIN" -> {
          assertThat(inFlight)
              .as("operation %s started before the last one finished", f[1])
              .isEmpty();
          intent.clear();
          operation = Integer.parseInt(f[1]);
        }
        case "WILL" -> {
          Key k = Key.fromUrlSafe(f[2]);
          if (f.length > 4 && f[4].equals("NEW")) {
            assertThat(seen).as("an allocated id was used before: %s", k).doesNotContain(k);
          }
          intent.put(k, f[1].equals("PUT") ? f[3] : ABSENT);
        }
        case "GO" -> {
          assertThat(Integer.parseInt(f[1])).isEqualTo(operation);
          inFlight.putAll(intent);
          seen.addAll(intent.keySet());
        }
        case "PUT", "DEL" -> {
          Key k = Key.fromUrlSafe(f[1]);
          String state = f[0].equals("PUT") ? f[2] : ABSENT;
          assertThat(inFlight.remove(k)).as("ack of %s matches its intent", k).isEqualTo(state);
          acked.put(k, state);
          acks++;
        }
        case "DONE" ->
            assertThat(inFlight).as("unacknowledged parts of operation %s", f[1]).isEmpty();
        default -> fail("unexpected line from the child: %s", line);
      }
    }

    Set<Key> known() {
      Set<Key> all = new HashSet<>(acked.keySet());
      all.addAll(inFlight.keySet());
      return all;
    }

    /** The states {@code k} may be in: its last acknowledged one, or what the op in flight did. */
    Set<String> allowed(Key k) {
      Set<String> states = new HashSet<>();
      states.add(acked.getOrDefault(k, ABSENT));
      if (inFlight.containsKey(k)) {
        states.add(inFlight.get(k));
      }
      return states;
    }
  }

  /**
   * Reads the child's stdout file as it grows, one complete line at a time; at the end (the child
   * has exited and the file is read), a last line cut off by the kill is dropped. The child prints
   * only ASCII (url-safe keys, hex digests), so a byte is a char.
   */
  private static final class LineTail implements AutoCloseable {
    private final InputStream in;
    private final Process child;
    private final StringBuilder partial = new StringBuilder();

    LineTail(Path file, Process child) throws IOException {
      this.in = new BufferedInputStream(Files.newInputStream(file));
      this.child = child;
    }

    /** The next line, waiting for the child to print it; null once the child is gone. */
    String next() throws IOException, InterruptedException {
      while (true) {
        int c = in.read();
        if (c == '\n') {
          String line = partial.toString();
          partial.setLength(0);
          return line;
        }
        if (c >= 0) {
          partial.append((char) c);
        } else if (child.isAlive()) {
          Thread.sleep(1); // the file has no more yet: poll
        } else if ((c = in.read()) >= 0) {
          partial.append((char) c); // written just before the exit
        } else {
          return null;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
