package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.DatastoreGrpc;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.GqlQuery;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.Value;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a gRPC client gets for requests that go wrong before or outside the API methods, and the
 * edges of the wire protocol: message framing, compression, content types and unknown methods.
 */
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

  @Test
  void aGzipCompressedRequestIsInflated() throws InterruptedException {
    Key key = Key.newBuilder().setPartitionId(com.google.datastore.v1.PartitionId.newBuilder()
        .setProjectId("test-project")).addPath(Key.PathElement.newBuilder().setKind("Zip")
        .setName("z")).build();
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", fixture.server.port())
        .usePlaintext().build();
    try {
      DatastoreGrpc.DatastoreBlockingStub stub =
          DatastoreGrpc.newBlockingStub(channel).withCompression("gzip");
      stub.commit(CommitRequest.newBuilder().setProjectId("test-project")
          .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
          .addMutations(Mutation.newBuilder().setUpsert(Entity.newBuilder().setKey(key)
              .putProperties("text", Value.newBuilder().setStringValue("y".repeat(5_000))
                  .setExcludeFromIndexes(true).build())))
          .build());
      LookupResponse found = stub.lookup(
          LookupRequest.newBuilder().setProjectId("test-project").addKeys(key).build());
      assertThat(found.getFound(0).getEntity().getPropertiesOrThrow("text").getStringValue())
          .hasSize(5_000);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMessageOverTenMebibytesIsResourceExhausted() {
    Status s = grpc.callBytes("lookup", new byte[ServerOptions.MAX_REQUEST_BYTES + 1]);
    assertThat(s.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(s.getDescription()).contains("10 MiB");
  }

  @Test
  void anUnknownMethodIsUnimplementedAndTheAnswerNamesTheMethods() {
    AggregatedHttpResponse r = post("/google.datastore.v1.Datastore/Frobnicate", framed(0, 0));
    assertThat(grpcStatus(r)).isEqualTo(Status.Code.UNIMPLEMENTED.value());
    assertThat(grpcMessage(r)).contains("Frobnicate").contains("Lookup").contains("RunQuery");
  }

  @Test
  void aBadlyFramedBodyIsAnInvalidArgumentSayingWhatIsWrong() {
    assertThat(grpcMessage(post(LOOKUP, new byte[] {0, 0, 0}))).contains("5-byte");
    byte[] two = new byte[10]; // two empty messages: a unary call sends one
    assertThat(grpcStatus(post(LOOKUP, two))).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(grpcMessage(post(LOOKUP, two))).contains("exactly one message");
    AggregatedHttpResponse flagged = post(LOOKUP, framed(1, 0));
    assertThat(grpcStatus(flagged)).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(grpcMessage(flagged)).contains("compressed").contains("grpc-encoding");
    AggregatedHttpResponse badFlag = post(LOOKUP, framed(7, 0));
    assertThat(grpcMessage(badFlag)).contains("flag 7");
    AggregatedHttpResponse notGzip = post(LOOKUP, framed(1, 3), "grpc-encoding", "gzip");
    assertThat(grpcStatus(notGzip)).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(grpcMessage(notGzip)).contains("does not inflate");
  }

  @Test
  void anUnsupportedCompressionIsUnimplementedAndNamesWhatIsSupported() {
    AggregatedHttpResponse r = post(LOOKUP, framed(1, 2), "grpc-encoding", "snappy");
    assertThat(grpcStatus(r)).isEqualTo(Status.Code.UNIMPLEMENTED.value());
    assertThat(r.headers().get("grpc-accept-encoding")).contains("gzip");
  }

  @Test
  void onlyPostsOfGrpcContentAreGrpcCalls() {
    WebClient client = WebClient.of("h2c://127.0.0.1:" + fixture.server.port());
    assertThat(client.execute(RequestHeaders.of(HttpMethod.POST, LOOKUP, "content-type",
        "text/plain"), HttpData.wrap(framed(0, 0))).aggregate().join().status().code())
        .isEqualTo(415);
    assertThat(client.get(LOOKUP).aggregate().join().status().code()).isEqualTo(405);
  }

  @Test
  void grpcMessagesArePercentEncodedUtf8() {
    String message = "kind 'é' is 100%\n";
    assertThat(GrpcDatastore.percentEncode(message)).isEqualTo("kind '%C3%A9' is 100%25%0A");
  }

  static final String LOOKUP = "/google.datastore.v1.Datastore/Lookup";

  /** A body of one message prefix with {@code flag}, then {@code length} zero bytes. */
  static byte[] framed(int flag, int length) {
    byte[] b = new byte[5 + length];
    b[0] = (byte) flag;
    b[4] = (byte) length;
    return b;
  }

  /** A gRPC POST over HTTP/2 of {@code body} as it is, with extra header name/value pairs. */
  static AggregatedHttpResponse post(String path, byte[] body, String... headers) {
    RequestHeadersBuilder h = RequestHeaders.builder(HttpMethod.POST, path)
        .add("content-type", "application/grpc").add("te", "trailers");
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return WebClient.of("h2c://127.0.0.1:" + fixture.server.port())
        .execute(h.build(), HttpData.wrap(body)).aggregate().join();
  }

  /** The status of a trailers-only answer (headers that end the stream) or of its trailers. */
  static int grpcStatus(AggregatedHttpResponse r) {
    assertThat(r.status().code()).isEqualTo(200);
    String s = r.headers().contains("grpc-status")
        ? r.headers().get("grpc-status") : r.trailers().get("grpc-status");
    assertThat(s).as("grpc-status").isNotNull();
    return Integer.parseInt(s);
  }

  static String grpcMessage(AggregatedHttpResponse r) {
    String m = r.headers().contains("grpc-message")
        ? r.headers().get("grpc-message") : r.trailers().get("grpc-message");
    if (m == null) {
      return "";
    }
    java.io.ByteArrayOutputStream utf8 = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < m.length(); i++) {
      if (m.charAt(i) == '%') {
        utf8.write(Integer.parseInt(m.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        utf8.write(m.charAt(i));
      }
    }
    return utf8.toString(StandardCharsets.UTF_8);
  }
}
