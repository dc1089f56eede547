package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.DatastoreGrpc;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.EntityResult;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.Query;
import com.google.datastore.v1.QueryResultBatch;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query answers over entities near the 1 MiB limit stay within a gRPC client's 4 MiB. */
class LargeResultsTest {
  static final String P = "test-project";
  @TempDir Path dir;

  static Entity big(long id, int blobBytes) {
    return Entity.newBuilder()
        .setKey(Key.newBuilder().addPath(Key.PathElement.newBuilder().setKind("Big").setId(id)))
        .putProperties("b", Value.newBuilder().setExcludeFromIndexes(true)
            .setBlobValue(ByteString.copyFrom(new byte[blobBytes])).build())
        .build();
  }

  /** Writes {@code e}; false if it is over the entity size limit. */
  static boolean put(DatastoreGrpc.DatastoreBlockingStub stub, Entity e) {
    try {
      stub.commit(CommitRequest.newBuilder().setProjectId(P)
          .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
          .addMutations(Mutation.newBuilder().setUpsert(e)).build());
      return true;
    } catch (StatusRuntimeException ex) {
      assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      return false;
    }
  }

  @Test
  void aQueryOverEntitiesNearTheSizeLimitPagesWithinTheGrpcMessageLimit() throws Exception {
    try (ServerFixture f = new ServerFixture(dir)) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", f.server.port())
          .usePlaintext().build(); // the default 4 MiB inbound limit
      try {
        DatastoreGrpc.DatastoreBlockingStub stub = DatastoreGrpc.newBlockingStub(channel);
        // Three entities that just fit in a 3 MiB batch, then one as large as allowed.
        int largest = 1_048_576;
        while (!put(stub, big(4, largest))) {
          largest -= 8;
        }
        for (long id = 1; id <= 3; id++) {
          assertThat(put(stub, big(id, largest - 56))).isTrue();
        }

        List<Long> ids = new ArrayList<>();
        ByteString cursor = ByteString.EMPTY;
        QueryResultBatch batch;
        do {
          batch = stub.runQuery(RunQueryRequest.newBuilder().setProjectId(P)
              .setQuery(Query.newBuilder().addKind(KindExpression.newBuilder().setName("Big"))
                  .setStartCursor(cursor)).build()).getBatch();
          for (EntityResult r : batch.getEntityResultsList()) {
            ids.add(r.getEntity().getKey().getPath(0).getId());
          }
          cursor = batch.getEndCursor();
        } while (batch.getMoreResults() == QueryResultBatch.MoreResultsType.NOT_FINISHED);

        assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
      } finally {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }
}
