package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node.js client {@code @google-cloud/datastore} against a server in this JVM. The client and
 * its script live in {@code src/test/node}; {@code npm ci} installs the locked versions into
 * {@code target/node-client} (again only when the lock file changed), then {@code node
 * client-test.js} runs its checks with {@code DATASTORE_EMULATOR_HOST} set, which makes the client
 * speak gRPC with insecure credentials. Skipped only when {@code node} is not on the PATH.
 */
class NodeClientIT {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path SOURCES = MODULE.resolve(Path.of("src", "test", "node"));
  private static final Path WORK = MODULE.resolve(Path.of("target", "node-client"));
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "client-test.js");
  /** Written into node_modules after an install: the lock file it installed. */
  private static final String INSTALLED_LOCK = ".megalite-installed-lock.json";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern SUMMARY =
      Pattern.compile("^client-test: (\\d+) of (\\d+) checks passed$", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void nodeClientPassesEveryCheckOverGrpc() throws Exception {
    Optional<Path> node = onPath("node");
    assumeTrue(node.isPresent(),
        "node is not on the PATH, so the Node.js client test (NodeClientIT) is skipped");
    Path npm = onPath("npm").orElseThrow(
        () -> new AssertionError("node is on the PATH but npm is not; npm installs the client"));

    install(npm);

    try (ServerFixture f = new ServerFixture(dir)) {
      long start = System.nanoTime();
      Run run = run(List.of(node.get().toString(), "client-test.js"), Map.of(
          "DATASTORE_EMULATOR_HOST", f.server.hostPort(),
          "DATASTORE_PROJECT_ID", "test-project",
          // Without credentials the auth library would probe the GCE metadata server.
          "METADATA_SERVER_DETECTION", "none"), RUN_TIMEOUT);
      System.out.printf("NodeClientIT: node client-test.js took %s; the server answered %d gRPC"
          + " calls%n%s", seconds(System.nanoTime() - start), f.server.grpcCalls(), run.output);
      assertThat(run.exitCode).as("node client-test.js exit code; its output:%n%s", run.output)
          .isZero();
      Matcher m = SUMMARY.matcher(run.output);
      assertThat(m.find()).as("the script's summary line in:%n%s", run.output).isTrue();
      int checks = Integer.parseInt(m.group(2));
      assertThat(Integer.parseInt(m.group(1))).as("checks passed").isEqualTo(checks);
      // Each check made at least one call to the server, and the calls came over gRPC.
      assertThat(f.server.grpcCalls()).as("calls that arrived over gRPC").isGreaterThan(checks);
    }
  }

  /** Copies the script and package files to the work directory and installs the lock's tree. */
  private static void install(Path npm) throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    for (String name : FILES) {
      Files.copy(SOURCES.resolve(name), WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
    Path installed = WORK.resolve("node_modules").resolve(INSTALLED_LOCK);
    if (Files.exists(installed) && Arrays.equals(Files.readAllBytes(installed), lock)) {
      System.out.println("NodeClientIT: node_modules already holds the locked versions");
      return;
    }
    long start = System.nanoTime();
    // No install scripts: none of the client's packages needs one to work.
    Run run = run(List.of(npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
        Map.of(), INSTALL_TIMEOUT);
    assertThat(run.exitCode).as("npm ci exit code; its output:%n%s", run.output).isZero();
    Files.write(installed, lock);
    System.out.printf("NodeClientIT: npm ci took %s%n", seconds(System.nanoTime() - start));
  }

  private record Run(int exitCode, String output) {}

  /** Runs a command in the work directory; stdout and stderr go together into the output. */
  private static Run run(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(WORK, "process", ".log");
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(WORK.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
            + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }
}
