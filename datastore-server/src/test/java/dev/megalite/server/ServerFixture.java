package dev.megalite.server;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreOptions;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A server on a free loopback port over a temporary directory, and official Java clients (HTTP
 * transport, no credentials, no client-side retries unless asked) pointed at it.
 */
final class ServerFixture implements AutoCloseable {
  final MegaliteServer server;

  ServerFixture(Path dir, UnaryOperator<ServerOptions.Builder> options) {
    server = MegaliteServer.start(options.apply(ServerOptions.newBuilder()
        .host("127.0.0.1").port(0).dataDir(dir).project("test-project")).build());
  }

  ServerFixture(Path dir) {
    this(dir, b -> b);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A client of {@code project} in {@code namespace} (null: the default namespace). */
  Datastore client(String project, String namespace) {
    DatastoreOptions.Builder b = DatastoreOptions.newBuilder()
        .setProjectId(project)
        .setHost(url())
        .setCredentials(NoCredentials.getInstance())
        .setRetrySettings(ServiceOptions.getNoRetrySettings());
    if (namespace != null) {
      b.setNamespace(namespace);
    }
    return b.build().getService();
  }

  /** A client of the default project with the client's own default retries (on ABORTED too). */
  Datastore retryingClient() {
    return DatastoreOptions.newBuilder()
        .setProjectId("test-project")
        .setHost(url())
        .setCredentials(NoCredentials.getInstance())
        .build().getService();
  }

  Datastore client() {
    return client("test-project", null);
  }

  @Override
  public void close() {
    server.close();
  }
}
