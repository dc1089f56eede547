package dev.megalite.server;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.DecodingService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Megalite emulator: Cloud Datastore v1 over gRPC (HTTP/2 cleartext) and REST (HTTP/1.1) on
 * one port, plus the emulator endpoints, over the engine's datastores (one per project). Start it
 * with {@link #start(ServerOptions)}; {@link #close()} (or {@code POST /shutdown}) stops it and
 * closes the stores, flushing them.
 */
public final class MegaliteServer implements AutoCloseable {
  private final ServerOptions options;
  private final Projects projects;
  private final Transactions transactions = new Transactions();
  private final GrpcDatastore grpc;
  private final Server server;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean stopping = new AtomicBoolean();

  private MegaliteServer(ServerOptions options, Projects projects) {
    this.options = options;
    this.projects = projects;
    DatastoreApi api = new DatastoreApi(projects, transactions);
    this.grpc = new GrpcDatastore(api);
    ServerBuilder sb = Server.builder()
        .http(new InetSocketAddress(options.host(), options.port()))
        .maxRequestLength(ServerOptions.MAX_REQUEST_BYTES)
        .requestTimeout(Duration.ofMinutes(5))
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(5))
        .serviceUnder("/v1/", new RestDatastore(api).decorate(DecodingService.newDecorator()));
    // The gRPC service reads its bodies itself and refuses a message over the limit as soon as
    // its prefix announces it, with RESOURCE_EXHAUSTED (a 413 would reach gRPC clients as UNKNOWN).
    sb.route().pathPrefix(GrpcDatastore.PREFIX).maxRequestLength(0).build(grpc);
    AdminService admin =
        new AdminService(projects, transactions, options.inMemory(), this::stopAsync);
    for (String path : new String[] {"/", "/quota", "/reset", "/persist", "/shutdown",
        "/_ah/admin/datastore", "/_ah/admin/quit"}) {
      sb.service(path, admin);
    }
    this.server = sb.build();
  }

  /** Starts a server and returns once it accepts connections. */
  public static MegaliteServer start(ServerOptions options) {
    Projects projects = new Projects(options);
    // Open the default project while the server is built and started (each takes a few hundred
    // milliseconds the first time), and before it is announced: errors in the store or its options
    // show at start.
    CompletableFuture<?> opened = CompletableFuture.runAsync(
        () -> projects.get(options.project()), MegaliteServer::startThread);
    MegaliteServer s = null;
    try {
      s = new MegaliteServer(options, projects);
      s.server.start().join();
      opened.join();
      return s;
    } catch (RuntimeException e) {
      opened.exceptionally(t -> null).join();
      if (s != null) {
        s.server.stop().join();
      }
      projects.close();
      throw e instanceof java.util.concurrent.CompletionException && e.getCause()
          instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Runs a start-up task on a thread of its own (the common pool has one thread on 2 cores). */
  private static void startThread(Runnable task) {
    Thread t = new Thread(task, "megalite-start");
    t.setDaemon(true);
    t.start();
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** {@code host:port}, the value of {@code DATASTORE_EMULATOR_HOST}. */
  public String hostPort() {
    return HostPort.format(options.host(), port());
  }

  public ServerOptions options() {
    return options;
  }

  /** The projects' datastores, for diagnostics (the consistency checker) in this package. */
  Projects projects() {
    return projects;
  }

  /** How many Datastore calls arrived over gRPC (the rest came over REST). */
  long grpcCalls() {
    return grpc.calls();
  }

  /** Completes when the server has stopped (by {@link #close()} or {@code POST /shutdown}). */
  public CompletableFuture<Void> whenStopped() {
    return stopped;
  }

  private void stopAsync() {
    new Thread(this::close, "megalite-shutdown").start();
  }

  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      stopped.join();
      return;
    }
    try {
      server.stop().join();
      transactions.clear();
      projects.close();
    } finally {
      stopped.complete(null);
    }
  }
}
