package dev.megalite.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The {@code megalite} command line: {@code start} runs the emulator until {@code POST /shutdown}
 * or Ctrl-C; {@code env-init} prints the environment variables the official clients read, as
 * {@code gcloud beta emulators datastore env-init} does.
 */
public final class Cli {
  static final String USAGE = """
      usage: megalite start [--data-dir DIR] [--host-port HOST:PORT] [--project ID] [--in-memory]
                            [--index-file FILE] [--require-indexes] [--consistency P]
                            [--limits appengine|cloud] [--quota FILE] [--sync]
                            [--block-cache-mb N]
             megalite env-init [--data-dir DIR]

        --data-dir DIR       where projects are stored, one folder each (data/emulator)
        --host-port H:P      address to listen on, [ADDRESS][:PORT] (localhost:8081)
        --project ID         the default project (megalite); requests may name any project
        --in-memory          keep everything in memory: nothing is written to disk
        --index-file FILE    the default project's index.yaml or datastore-indexes.xml
                             (<data-dir>/<project>/index.yaml)
        --require-indexes    fail queries whose composite index is not declared
        --consistency P      fraction of writes global queries see at once (1.0)
        --limits PROFILE     appengine (2009 App Engine limits) or cloud (today's) (appengine)
        --quota FILE         enforce the quotas in FILE (they are always counted)
        --sync               fsync every commit
        --block-cache-mb N   RocksDB block cache per project, native memory (64)
      """;

  private Cli() {}

  /** Held so java.util.logging keeps the levels set on them. */
  private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
      java.util.logging.Logger.getLogger("com.linecorp.armeria"),
      java.util.logging.Logger.getLogger("io.netty"),
      java.util.logging.Logger.getLogger("io.grpc"));

  public static void main(String[] args) {
    // The server speaks plaintext only: skip loading the bundled OpenSSL (start-up time).
    if (System.getProperty("com.linecorp.armeria.useOpenSsl") == null) {
      System.setProperty("com.linecorp.armeria.useOpenSsl", "false");
    }
    // Netty registers JFR events for its buffer allocator at the first request, about 0.2 s of
    // class generation; a recording of the emulator can still turn them on with this property.
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
    // The libraries' start-up chatter is INFO; their warnings and errors still show.
    QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a command; returns the process exit code. {@code start} returns when the server stops. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      Map<String, String> flags = flags(args);
      return switch (args[0]) {
        case "start" -> start(options(flags), out, err);
        case "env-init" -> envInit(flags, out, err);
        default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
      };
    } catch (IllegalArgumentException e) {
      err.println("megalite: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }

  private static final List<String> SWITCHES =
      List.of("--in-memory", "--require-indexes", "--sync");
  private static final List<String> VALUED = List.of("--data-dir", "--host-port", "--project",
      "--index-file", "--consistency", "--limits", "--quota", "--block-cache-mb");

  static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (SWITCHES.contains(a)) {
        flags.put(a, value == null ? "true" : value);
      } else if (VALUED.contains(a)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          value = args[++i];
        }
        flags.put(a, value);
      } else {
        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return flags;
  }

  static ServerOptions options(Map<String, String> flags) {
    ServerOptions.Builder b = ServerOptions.newBuilder();
    if (flags.containsKey("--data-dir")) {
      b.dataDir(Path.of(flags.get("--data-dir")));
    }
    if (flags.containsKey("--host-port")) {
      HostPort hp = HostPort.parse(flags.get("--host-port"));
      b.host(hp.host()).port(hp.port());
    }
    if (flags.containsKey("--project")) {
      b.project(flags.get("--project"));
    }
    b.inMemory(bool(flags, "--in-memory"));
    b.requireIndexes(bool(flags, "--require-indexes"));
    b.sync(bool(flags, "--sync"));
    if (flags.containsKey("--index-file")) {
      b.indexFile(Path.of(flags.get("--index-file")));
    }
    if (flags.containsKey("--consistency")) {
      try {
        b.consistency(Double.parseDouble(flags.get("--consistency")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--consistency '" + flags.get("--consistency") + "' is not a number");
      }
    }
    if (flags.containsKey("--limits")) {
      b.limits(flags.get("--limits"));
    }
    if (flags.containsKey("--quota")) {
      b.quotaFile(Path.of(flags.get("--quota")));
    }
    if (flags.containsKey("--block-cache-mb")) {
      try {
        b.blockCacheMb(Integer.parseInt(flags.get("--block-cache-mb")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--block-cache-mb '" + flags.get("--block-cache-mb") + "' is not a whole number");
      }
    }
    return b.build();
  }

  private static boolean bool(Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null) {
      return false;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(name + " takes true or false, not '" + v + "'");
    }
    return v.equals("true");
  }

  private static int start(ServerOptions options, PrintStream out, PrintStream err) {
    long t0 = System.nanoTime();
    MegaliteServer server;
    try {
      server = MegaliteServer.start(options);
    } catch (RuntimeException e) {
      // A port in use or a data directory another process holds: say so, without a stack trace.
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      err.println("megalite: cannot start at " + HostPort.format(options.host(), options.port())
          + ": " + cause.getMessage());
      return 1;
    }
    Thread hook = new Thread(server::close, "megalite-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    String url = "http://" + server.hostPort() + "/";
    Map<String, String> env = env(server.hostPort(), options.project());
    if (!options.inMemory() || Files.isDirectory(options.dataDir())) {
      writeEnv(options.dataDir(), env);
    }
    out.printf("Megalite emulator for Cloud Datastore, gRPC and HTTP on %s (ready in %d ms)%n",
        server.hostPort(), (System.nanoTime() - t0) / 1_000_000);
    out.println(options.inMemory()
        ? "Data is kept in memory only."
        : "Data directory: " + options.dataDir().toAbsolutePath());
    out.println("Default project: " + options.project());
    out.println("The health check endpoint for this emulator instance is " + url);
    out.println("Point the Cloud Datastore clients at it with:");
    env.forEach((k, v) -> out.println("  export " + k + "=" + v));
    // Tools such as the Java client's LocalDatastoreHelper wait for this line.
    out.println("Dev App Server is now running.");
    out.flush();
    server.whenStopped().join();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is exiting: the hook itself stopped the server.
    }
    out.println("Megalite emulator stopped.");
    return 0;
  }

  static Map<String, String> env(String hostPort, String project) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATASTORE_DATASET", project);
    env.put("DATASTORE_EMULATOR_HOST", hostPort);
    env.put("DATASTORE_EMULATOR_HOST_PATH", hostPort + "/datastore");
    env.put("DATASTORE_HOST", "http://" + hostPort);
    env.put("DATASTORE_PROJECT_ID", project);
    return env;
  }

  private static void writeEnv(Path dataDir, Map<String, String> env) {
    List<String> lines = new ArrayList<>();
    env.forEach((k, v) -> lines.add(k + ": " + v));
    try {
      Files.createDirectories(dataDir);
      Files.write(dataDir.resolve("env.yaml"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + dataDir.resolve("env.yaml") + ": " + e);
    }
  }

  private static int envInit(Map<String, String> flags, PrintStream out, PrintStream err) {
    Path dir = Path.of(flags.getOrDefault("--data-dir", "data/emulator"));
    Path file = dir.resolve("env.yaml");
    if (!Files.isRegularFile(file)) {
      err.println("megalite: unable to find env.yaml in the data dir " + dir
          + "; start the emulator there first");
      return 1;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          out.println("export " + line.substring(0, colon) + "=" + line.substring(colon + 2));
        }
      }
    } catch (IOException e) {
      err.println("megalite: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
