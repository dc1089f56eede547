package dev.megalite.benchmarks;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreOptions;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.server.MegaliteServer;
import dev.megalite.server.ServerOptions;
import java.nio.file.Path;

/**
 * {@link KvTarget} through the emulator: an in-process server on a free loopback port over
 * {@code dir}, driven by the official Java client (HTTP transport) shared by all workers.
 */
final class ServerKvTarget implements KvTarget {
  private final MegaliteServer server;
  private final Datastore client;

  ServerKvTarget(Path dir) {
    server = MegaliteServer.start(ServerOptions.newBuilder().host("127.0.0.1").port(0)
        .dataDir(dir).project(MegaliteOptions.DEFAULT_PROJECT).build());
    client = DatastoreOptions.newBuilder().setProjectId(MegaliteOptions.DEFAULT_PROJECT)
        .setHost("http://" + server.hostPort()).setCredentials(NoCredentials.getInstance())
        .setRetrySettings(ServiceOptions.getNoRetrySettings()).build().getService();
  }

  @Override
  public void write(long id) {
    client.put(ClientEntities.toClient(KvTarget.entity(id)));
  }

  @Override
  public void read(long id) {
    if (client.get(ClientEntities.toClient(KvTarget.key(id))) == null) {
      throw new IllegalStateException("entity " + id + " is missing");
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
