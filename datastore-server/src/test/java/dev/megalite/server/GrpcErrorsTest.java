package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.datastore.v1.GqlQuery;
import com.google.datastore.v1.RunQueryRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors a gRPC client gets for requests that go wrong before or outside the API methods. */
class GrpcErrorsTest {
  @TempDir static Path dir;
  static ServerFixture fixture;
  static GrpcCalls grpc;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(dir);
    grpc = new GrpcCalls(fixture.server.port());
  }

  @AfterAll
  static void stop() {
    grpc.close();
    fixture.close();
  }

  @Test
  void aRequestThatIsNotProtobufIsAnInvalidArgumentNotInternal() {
    Status s = grpc.callBytes("commit", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription()).contains("protobuf");
  }

  @Test
  void anErrorQuotingAHugeRequestReachesTheClientShortened() {
    // The message names the binding; whole, it would not fit in a gRPC trailer (8 KiB).
    RunQueryRequest req = RunQueryRequest.newBuilder().setProjectId("test-project")
        .setGqlQuery(GqlQuery.newBuilder()
            .setQueryString("SELECT * FROM Task WHERE a = @" + "x".repeat(100_000)))
        .build();
    StatusRuntimeException e =
        catchThrowableOfType(StatusRuntimeException.class, () -> grpc.call("runQuery", req));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    String description = e.getStatus().getDescription();
    assertThat(description).contains("@xxxx").endsWith(" bytes in all)");
    assertThat(description.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Errors.MAX_MESSAGE_BYTES + 40);
  }

  @Test
  void shortenedMessagesEndOnACharacterBoundary() {
    String message = "é".repeat(Errors.MAX_MESSAGE_BYTES); // two bytes each
    String cut = Errors.shorten(message);
    assertThat(cut).startsWith("éé").doesNotContain("\ufffd")
        .endsWith("... (" + 2 * Errors.MAX_MESSAGE_BYTES + " bytes in all)");
    assertThat(Errors.shorten("short")).isEqualTo("short");
  }
}
