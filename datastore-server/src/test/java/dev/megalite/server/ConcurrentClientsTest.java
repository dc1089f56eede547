package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.PathElement;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import com.google.cloud.datastore.aggregation.Aggregation;
import com.google.common.collect.ImmutableList;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.DatastoreGrpc;
import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.ReadOptions;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight clients at once, half through the official Java client over REST and half through the
 * gRPC stubs: each one's writes, reads and queries come back right while the others run, and
 * transactional increments of one shared counter lose no update.
 */
class ConcurrentClientsTest {
  static final String P = "test-project";
  static final int CLIENTS = 8;
  static final int WRITES = 200;
  @TempDir static Path dir;
  static ServerFixture fixture;
  static ManagedChannel channel;
  static DatastoreGrpc.DatastoreBlockingStub grpc;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(dir);
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", fixture.server.port())
        .usePlaintext().build();
    grpc = DatastoreGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    fixture.close();
  }

  static <T> List<T> runAll(List<Callable<T>> clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> c : clients) {
        futures.add(pool.submit(c));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(5, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eachClientReadsAndQueriesItsOwnWritesWhileTheOthersWrite() throws Exception {
    List<Callable<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(c % 2 == 0 ? () -> restClient(client) : () -> grpcClient(client));
    }
    runAll(clients);

    Datastore ds = fixture.client();
    assertThat(ImmutableList.copyOf(ds.run(Query.newKeyQueryBuilder().setKind("Item").build())))
        .hasSize(CLIENTS * WRITES);
    long sum = ds.runAggregation(Query.newAggregationQueryBuilder()
        .over(Query.newEntityQueryBuilder().setKind("Item").build())
        .addAggregation(Aggregation.sum("i").as("s")).build()).get(0).getLong("s");
    assertThat(sum).isEqualTo((long) CLIENTS * WRITES * (WRITES - 1) / 2);
  }

  private static Void restClient(int client) {
    Datastore ds = fixture.client();
    for (int i = 0; i < WRITES; i++) {
      Key key = Key.newBuilder(P, "Item", i + 1L)
          .addAncestor(PathElement.of("Owner", "c" + client)).build();
      ds.put(Entity.newBuilder(key).set("owner", client).set("i", i).set("text", client + "-" + i)
          .build());
      Entity back = ds.get(key);
      assertThat(back.getString("text")).isEqualTo(client + "-" + i);
      if (i % 20 == 19) {
        Query<Key> mine = Query.newKeyQueryBuilder().setKind("Item")
            .setFilter(PropertyFilter.eq("owner", client)).build();
        assertThat(ImmutableList.copyOf(ds.run(mine))).hasSize(i + 1);
      }
    }
    return null;
  }

  private static Void grpcClient(int client) {
    for (int i = 0; i < WRITES; i++) {
      com.google.datastore.v1.Key key = itemKey(client, i + 1L);
      grpc.commit(CommitRequest.newBuilder().setProjectId(P)
          .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
          .addMutations(Mutation.newBuilder().setUpsert(com.google.datastore.v1.Entity.newBuilder()
              .setKey(key)
              .putProperties("owner", Value.newBuilder().setIntegerValue(client).build())
              .putProperties("i", Value.newBuilder().setIntegerValue(i).build())
              .putProperties("text", Value.newBuilder().setStringValue(client + "-" + i).build())))
          .build());
      var found = grpc.lookup(LookupRequest.newBuilder().setProjectId(P).addKeys(key).build());
      assertThat(found.getFound(0).getEntity().getPropertiesOrThrow("text").getStringValue())
          .isEqualTo(client + "-" + i);
      if (i % 20 == 19) {
        var batch = grpc.runQuery(RunQueryRequest.newBuilder().setProjectId(P)
            .setQuery(com.google.datastore.v1.Query.newBuilder()
                .addKind(KindExpression.newBuilder().setName("Item"))
                .setFilter(com.google.datastore.v1.Filter.newBuilder().setPropertyFilter(
                    com.google.datastore.v1.PropertyFilter.newBuilder()
                        .setProperty(com.google.datastore.v1.PropertyReference.newBuilder()
                            .setName("owner"))
                        .setOp(com.google.datastore.v1.PropertyFilter.Operator.EQUAL)
                        .setValue(Value.newBuilder().setIntegerValue(client)))))
            .build()).getBatch();
        assertThat(batch.getEntityResultsCount()).isEqualTo(i + 1);
      }
    }
    return null;
  }

  static com.google.datastore.v1.Key itemKey(int client, long id) {
    return com.google.datastore.v1.Key.newBuilder()
        .addPath(com.google.datastore.v1.Key.PathElement.newBuilder().setKind("Owner")
            .setName("c" + client))
        .addPath(com.google.datastore.v1.Key.PathElement.newBuilder().setKind("Item").setId(id))
        .build();
  }

  static final int INCREMENTS = 15;

  @Test
  void transactionalIncrementsFromEveryClientLoseNoUpdate() throws Exception {
    Key counter = Key.newBuilder(P, "Counter", "shared").build();
    fixture.client().put(Entity.newBuilder(counter).set("n", 0).build());
    List<Callable<Integer>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(c % 2 == 0 ? () -> restIncrements(counter) : ConcurrentClientsTest::grpcIncrements);
    }
    runAll(clients);

    assertThat(fixture.client().get(counter).getLong("n")).isEqualTo(CLIENTS * INCREMENTS);
  }

  /** Increments through the Java client, retrying an aborted commit until it goes through. */
  private static Integer restIncrements(Key counter) {
    Datastore ds = fixture.client();
    for (int i = 0; i < INCREMENTS; i++) {
      while (true) {
        com.google.cloud.datastore.Transaction tx = ds.newTransaction();
        try {
          Entity e = tx.get(counter);
          tx.put(Entity.newBuilder(e).set("n", e.getLong("n") + 1).build());
          tx.commit();
          break;
        } catch (com.google.cloud.datastore.DatastoreException e) {
          assertThat(e.getReason()).isEqualTo("ABORTED");
        } finally {
          if (tx.isActive()) {
            tx.rollback();
          }
        }
      }
    }
    return 0;
  }

  /** Increments over gRPC, retrying an aborted commit as the client libraries do. */
  private static Integer grpcIncrements() {
    com.google.datastore.v1.Key key = com.google.datastore.v1.Key.newBuilder()
        .addPath(com.google.datastore.v1.Key.PathElement.newBuilder().setKind("Counter")
            .setName("shared")).build();
    for (int i = 0; i < INCREMENTS; i++) {
      while (true) {
        ByteString txn = grpc.beginTransaction(BeginTransactionRequest.newBuilder()
            .setProjectId(P).build()).getTransaction();
        var read = grpc.lookup(LookupRequest.newBuilder().setProjectId(P).addKeys(key)
            .setReadOptions(ReadOptions.newBuilder().setTransaction(txn)).build());
        var entity = read.getFound(0).getEntity();
        long n = entity.getPropertiesOrThrow("n").getIntegerValue();
        try {
          grpc.commit(CommitRequest.newBuilder().setProjectId(P).setTransaction(txn)
              .setMode(CommitRequest.Mode.TRANSACTIONAL)
              .addMutations(Mutation.newBuilder().setUpdate(entity.toBuilder().putProperties("n",
                  Value.newBuilder().setIntegerValue(n + 1).build())))
              .build());
          break;
        } catch (StatusRuntimeException e) {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
          grpc.rollback(RollbackRequest.newBuilder().setProjectId(P).setTransaction(txn).build());
        }
      }
    }
    return 0;
  }
}
