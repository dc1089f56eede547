package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code megalite} command line: its flags, {@code start} and {@code env-init}. */
class CliTest {
  @TempDir Path dir;

  /** One run of the command line with what it printed. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, printer(out), printer(err));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static PrintStream printer(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownOptionExitsWithTwoAndNamesIt() {
    Run r = run("start", "--frobnicate", "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--frobnicate").contains("usage:");
  }

  @Test
  void anUnknownCommandAndNoArgumentsExitWithTwo() {
    assertThat(run("stop").err()).contains("unknown command 'stop'");
    assertThat(run("stop").code()).isEqualTo(2);
    Run none = run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("usage:");
  }

  @Test
  void aConsistencyThatIsNotAFractionIsAnError() {
    Run abc = run("start", "--consistency", "abc");
    assertThat(abc.code()).isEqualTo(2);
    assertThat(abc.err()).contains("--consistency").contains("abc");
    Run big = run("start", "--consistency=1.5");
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.err()).contains("1.5");
  }

  @Test
  void theBlockCacheSizeReachesEveryProjectsStore(@TempDir Path data) throws Exception {
    ServerOptions o = Cli.options(Cli.flags(new String[] {"start", "--block-cache-mb", "5",
        "--data-dir", data.toString(), "--host-port", "127.0.0.1:0"}));
    assertThat(o.blockCacheMb()).isEqualTo(5);
    try (MegaliteServer server = MegaliteServer.start(o)) {
      assertThat(server.options().blockCacheMb()).isEqualTo(5);
      // RocksDB's own log of the options it opened the store with.
      String log = Files.readString(data.resolve("megalite/store/LOG"));
      assertThat(log).contains("capacity : " + 5 * 1024 * 1024);
    }
    Run bad = run("start", "--block-cache-mb", "lots");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--block-cache-mb").contains("lots");
    Run negative = run("start", "--block-cache-mb=-1");
    assertThat(negative.err()).contains("-1 MiB");
  }

  @Test
  void aValuedOptionWithoutItsValueIsAnError() {
    Run r = run("start", "--data-dir");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data-dir needs a value");
  }

  @Test
  void hostPortTakesTheFormsGcloudTakes() {
    assertThat(HostPort.parse("localhost:9000")).isEqualTo(new HostPort("localhost", 9000));
    assertThat(HostPort.parse(":9000")).isEqualTo(new HostPort("localhost", 9000));
    assertThat(HostPort.parse("[::1]:9000")).isEqualTo(new HostPort("::1", 9000));
    assertThat(HostPort.parse("[::1]")).isEqualTo(new HostPort("::1", 8081));
    assertThat(HostPort.parse("0.0.0.0")).isEqualTo(new HostPort("0.0.0.0", 8081));
    ServerOptions o = Cli.options(Cli.flags(new String[] {"start", "--host-port=[::1]:9000"}));
    assertThat(o.host()).isEqualTo("::1");
    assertThat(o.port()).isEqualTo(9000);
  }

  @Test
  void aBadHostPortIsAnErrorNamingIt() {
    assertThatThrownBy(() -> HostPort.parse("localhost:http"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'http'");
    assertThatThrownBy(() -> HostPort.parse("[::1:9000"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> HostPort.parse("::1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brackets");
    assertThat(run("start", "--host-port", "localhost:70000").err()).contains("70000");
  }

  @Test
  void envInitWithoutAStartedEmulatorFails() {
    Run r = run("env-init", "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("env.yaml");
  }

  @Test
  void startPrintsTheRealAddressWritesEnvYamlAndStopsOnShutdown() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path data = dir.resolve("data");
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> Cli.run(
        new String[] {"start", "--host-port", "127.0.0.1:0", "--data-dir", data.toString(),
            "--project", "cli-project"}, printer(out), printer(err)));
    String printed = awaitOutput(out, "Dev App Server is now running.", code);

    Matcher health = Pattern.compile(
        "The health check endpoint for this emulator instance is http://127\\.0\\.0\\.1:(\\d+)/")
        .matcher(printed);
    assertThat(health.find()).as(printed).isTrue();
    int port = Integer.parseInt(health.group(1));
    assertThat(port).isPositive();
    assertThat(printed).contains("127.0.0.1:" + port);
    Http http = new Http(port);
    assertThat(Http.text(http.get("/")).strip()).isEqualTo("Ok");
    assertThat(data.resolve("env.yaml")).content()
        .contains("DATASTORE_EMULATOR_HOST: 127.0.0.1:" + port)
        .contains("DATASTORE_PROJECT_ID: cli-project");

    Run env = run("env-init", "--data-dir", data.toString());
    assertThat(env.code()).isZero();
    assertThat(env.out()).contains("export DATASTORE_EMULATOR_HOST=127.0.0.1:" + port + "\n")
        .contains("export DATASTORE_PROJECT_ID=cli-project\n")
        .contains("export DATASTORE_HOST=http://127.0.0.1:" + port + "\n");

    assertThat(http.post("/shutdown").statusCode()).isEqualTo(200);
    assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(Files.isDirectory(data.resolve("cli-project").resolve("store"))).isTrue();
  }

  @Test
  void aPortInUseIsReportedAsAnErrorNotAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run r = run("start", "--host-port", "127.0.0.1:" + taken.getLocalPort(),
          "--data-dir", dir.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("127.0.0.1:" + taken.getLocalPort());
      assertThat(r.out()).doesNotContain("Dev App Server is now running.");
    }
  }

  /** Polls {@code out} until it holds {@code line}; fails if the command ends first or in 60 s. */
  static String awaitOutput(ByteArrayOutputStream out, String line, CompletableFuture<Integer> run)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String s = out.toString(StandardCharsets.UTF_8);
      if (s.contains(line)) {
        return s;
      }
      assertThat(run).as("the command ended early: " + s).isNotDone();
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + line + "' within 60 s: " + out);
  }
}
