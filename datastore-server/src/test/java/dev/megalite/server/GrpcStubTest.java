package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.CommitResponse;
import com.google.datastore.v1.DatastoreGrpc;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.GqlQuery;
import com.google.datastore.v1.GqlQueryParameter;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.RunQueryResponse;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published {@code google.datastore.v1} gRPC stubs over a plaintext HTTP/2 channel to the same
 * port the REST clients use; the status codes are the real service's.
 */
class GrpcStubTest {
  static final String PROJECT = "grpc-project";
  @TempDir static Path dir;
  static ServerFixture fixture;
  static ManagedChannel channel;
  static DatastoreGrpc.DatastoreBlockingStub stub;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(dir, b -> b.project(PROJECT));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", fixture.server.port()).usePlaintext().build();
    stub = DatastoreGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    fixture.close();
  }

  static Key key(String kind, String name) {
    return Key.newBuilder().addPath(Key.PathElement.newBuilder().setKind(kind).setName(name)).build();
  }

  static Value str(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  static CommitResponse upsert(Entity e) {
    return stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT)
        .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(e)).build());
  }

  @Test
  void commitThenLookupFindsTheEntityWithItsVersionAndReportsMissingKeys() {
    Entity e = Entity.newBuilder().setKey(key("Task", "t1")).putProperties("title", str("write")).build();
    long version = upsert(e).getMutationResults(0).getVersion();
    LookupResponse r = stub.lookup(LookupRequest.newBuilder().setProjectId(PROJECT)
        .addKeys(key("Task", "t1")).addKeys(key("Task", "nope")).build());
    assertThat(r.getFoundCount()).isEqualTo(1);
    assertThat(r.getFound(0).getEntity().getPropertiesOrThrow("title").getStringValue()).isEqualTo("write");
    assertThat(r.getFound(0).getVersion()).isEqualTo(version);
    assertThat(r.getMissing(0).getEntity().getKey().getPath(0).getName()).isEqualTo("nope");
    assertThat(r.getMissing(0).getVersion()).isGreaterThanOrEqualTo(version);
  }

  @Test
  void aStaleBaseVersionIsReportedAsAConflict() {
    Entity e = Entity.newBuilder().setKey(key("Task", "versioned")).putProperties("n", str("1")).build();
    long v1 = upsert(e).getMutationResults(0).getVersion();
    upsert(e);
    CommitResponse r = stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT)
        .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(e).setBaseVersion(v1)).build());
    assertThat(r.getMutationResults(0).getConflictDetected()).isTrue();
  }

  @Test
  void aConflictingTransactionalCommitIsAborted() {
    Entity e = Entity.newBuilder().setKey(key("Task", "contended")).putProperties("n", str("0")).build();
    upsert(e);
    ByteString txn = stub.beginTransaction(
        BeginTransactionRequest.newBuilder().setProjectId(PROJECT).build()).getTransaction();
    stub.lookup(LookupRequest.newBuilder().setProjectId(PROJECT).addKeys(e.getKey())
        .setReadOptions(com.google.datastore.v1.ReadOptions.newBuilder().setTransaction(txn)).build());
    upsert(e);
    StatusRuntimeException ex = catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT).setTransaction(txn)
            .setMode(CommitRequest.Mode.TRANSACTIONAL)
            .addMutations(Mutation.newBuilder().setUpsert(e)).build()));
    assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
  }

  @Test
  void aCommittedTransactionHandleIsRefusedAfterwards() {
    ByteString txn = stub.beginTransaction(
        BeginTransactionRequest.newBuilder().setProjectId(PROJECT).build()).getTransaction();
    stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT).setTransaction(txn)
        .setMode(CommitRequest.Mode.TRANSACTIONAL).build());
    StatusRuntimeException again = catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT).setTransaction(txn)
            .setMode(CommitRequest.Mode.TRANSACTIONAL).build()));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(again.getStatus().getDescription()).contains("Invalid transaction");
  }

  @Test
  void anInsertOfAnExistingKeyIsAlreadyExistsAndAnUpdateOfAMissingOneNotFound() {
    Entity e = Entity.newBuilder().setKey(key("Task", "once")).build();
    upsert(e);
    StatusRuntimeException insert = catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT)
            .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
            .addMutations(Mutation.newBuilder().setInsert(e)).build()));
    assertThat(insert.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    StatusRuntimeException update = catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.commit(CommitRequest.newBuilder().setProjectId(PROJECT)
            .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
            .addMutations(Mutation.newBuilder().setUpdate(
                Entity.newBuilder().setKey(key("Task", "never")))).build()));
    assertThat(update.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void gqlRunsWithBindingsAndReturnsItsParsedQuery() {
    upsert(Entity.newBuilder().setKey(key("Note", "a")).putProperties("tag", str("x")).build());
    upsert(Entity.newBuilder().setKey(key("Note", "b")).putProperties("tag", str("y")).build());
    RunQueryResponse r = stub.runQuery(RunQueryRequest.newBuilder().setProjectId(PROJECT)
        .setGqlQuery(GqlQuery.newBuilder().setQueryString("SELECT * FROM Note WHERE tag = @t")
            .putNamedBindings("t", GqlQueryParameter.newBuilder().setValue(str("y")).build()))
        .build());
    assertThat(r.getBatch().getEntityResultsCount()).isEqualTo(1);
    assertThat(r.getBatch().getEntityResults(0).getEntity().getKey().getPath(0).getName()).isEqualTo("b");
    assertThat(r.getQuery().getKind(0).getName()).isEqualTo("Note");
    assertThat(r.getBatch().getMoreResults().name()).isEqualTo("NO_MORE_RESULTS");
  }

  @Test
  void countAggregationOverGrpc() {
    upsert(Entity.newBuilder().setKey(key("Counted", "1")).build());
    upsert(Entity.newBuilder().setKey(key("Counted", "2")).build());
    var r = stub.runAggregationQuery(RunAggregationQueryRequest.newBuilder().setProjectId(PROJECT)
        .setGqlQuery(GqlQuery.newBuilder().setQueryString("SELECT COUNT(*) AS n FROM Counted")
            .setAllowLiterals(true)).build());
    assertThat(r.getBatch().getAggregationResults(0).getAggregatePropertiesOrThrow("n")
        .getIntegerValue()).isEqualTo(2);
  }

  @Test
  void aKeyOfAnotherProjectIsAnInvalidArgument() {
    Key foreign = key("Task", "x").toBuilder().setPartitionId(
        com.google.datastore.v1.PartitionId.newBuilder().setProjectId("someone-else")).build();
    StatusRuntimeException ex = catchThrowableOfType(StatusRuntimeException.class,
        () -> stub.lookup(LookupRequest.newBuilder().setProjectId(PROJECT).addKeys(foreign).build()));
    assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ex.getStatus().getDescription()).contains("someone-else");
  }
}
