package dev.megalite.server;

import com.google.datastore.v1.AllocateIdsRequest;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.ReserveIdsRequest;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunQueryRequest;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpObject;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * {@code google.datastore.v1.Datastore} over gRPC: HTTP/2 requests to {@code
 * /google.datastore.v1.Datastore/{Method}}, each answered by {@link DatastoreApi}.
 *
 * <p>Every Datastore method is unary, so this is the whole of the wire protocol the clients use:
 * the request body is one message behind a 5-byte prefix (a compressed flag and a big-endian
 * length), the answer is one such message followed by trailers carrying {@code grpc-status}, and
 * a failure is a "trailers-only" answer, headers that carry the status and end the stream.
 * Serving it as a plain Armeria service, rather than through {@code armeria-grpc}, keeps the
 * emulator's start-up under a second: that module generates JSON marshallers with ByteBuddy for
 * a few hundred milliseconds whenever a gRPC service is built.
 */
final class GrpcDatastore implements HttpService {
  static final String SERVICE = "google.datastore.v1.Datastore";
  /** The path prefix of the service's methods, which the server routes here. */
  static final String PREFIX = "/" + SERVICE + "/";
  private static final MediaType GRPC = MediaType.parse("application/grpc");
  private static final String GRPC_STATUS = "grpc-status";
  private static final String GRPC_MESSAGE = "grpc-message";
  private static final HttpHeaders OK_TRAILERS = HttpHeaders.of(GRPC_STATUS, "0");

  /** One method: the parser of its request type and the call. */
  private record Method(Parser<? extends Message> parser, Function<Message, Message> call) {}

  private final Map<String, Method> methods = new TreeMap<>();
  private final LongAdder calls = new LongAdder();

  GrpcDatastore(DatastoreApi api) {
    add("Lookup", LookupRequest.parser(), api::lookup);
    add("RunQuery", RunQueryRequest.parser(), api::runQuery);
    add("RunAggregationQuery", RunAggregationQueryRequest.parser(), api::runAggregationQuery);
    add("BeginTransaction", BeginTransactionRequest.parser(), api::beginTransaction);
    add("Commit", CommitRequest.parser(), api::commit);
    add("Rollback", RollbackRequest.parser(), api::rollback);
    add("AllocateIds", AllocateIdsRequest.parser(), api::allocateIds);
    add("ReserveIds", ReserveIdsRequest.parser(), api::reserveIds);
  }

  @SuppressWarnings("unchecked")
  private <Q extends Message> void add(
      String name, Parser<Q> parser, Function<Q, ? extends Message> call) {
    methods.put(name, new Method(parser, m -> call.apply((Q) m)));
  }

  /** How many calls arrived over gRPC, answered or failed: tests see which transport was used. */
  long calls() {
    return calls.sum();
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    if (req.method() != HttpMethod.POST) {
      return HttpResponse.of(HttpStatus.METHOD_NOT_ALLOWED, MediaType.PLAIN_TEXT_UTF_8,
          "gRPC calls are POST requests, not " + req.method());
    }
    MediaType type = req.contentType();
    if (type == null || !type.type().equals("application")
        || !(type.subtype().equals("grpc") || type.subtype().startsWith("grpc+"))) {
      return HttpResponse.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, MediaType.PLAIN_TEXT_UTF_8,
          "gRPC requests have the content type application/grpc, not " + type);
    }
    calls.increment();
    String path = ctx.path();
    Method method = methods.get(path.substring(PREFIX.length()));
    if (method == null) {
      return failure(Status.UNIMPLEMENTED.withDescription("unknown method " + path + "; "
          + SERVICE + " has " + String.join(", ", methods.keySet())));
    }
    String encoding = req.headers().get("grpc-encoding", "identity");
    if (!encoding.equals("identity") && !encoding.equals("gzip")) {
      return HttpResponse.of(failureHeaders(Status.UNIMPLEMENTED.withDescription("messages"
              + " compressed with '" + encoding + "' are not supported; use gzip or identity"))
          .add("grpc-accept-encoding", "gzip,identity")
          .build());
    }
    boolean gzip = encoding.equals("gzip");
    BodyReader body = new BodyReader();
    req.subscribe(body, ctx.eventLoop());
    return HttpResponse.of(body.read
        .thenApplyAsync(b -> answer(method, b, gzip), ctx.blockingTaskExecutor())
        .exceptionally(GrpcDatastore::requestFailed));
  }

  private static HttpResponse answer(Method method, byte[] body, boolean gzip) {
    Message response;
    try {
      Message request = method.parser().parseFrom(message(body, gzip));
      response = method.call().apply(request);
    } catch (InvalidProtocolBufferException e) {
      return failure(Status.INVALID_ARGUMENT.withDescription(
          "the request is not a valid protobuf message: " + Errors.shorten(e.getMessage())));
    } catch (TooLarge e) {
      return failure(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()));
    } catch (Throwable t) {
      return failure(Errors.status(t));
    }
    return HttpResponse.of(ResponseHeaders.of(HttpStatus.OK, HttpHeaderNames.CONTENT_TYPE, GRPC),
        HttpData.wrap(framed(response)), OK_TRAILERS);
  }

  /** The request message in {@code body}: exactly one length-prefixed message, inflated if gzip. */
  static ByteBuffer message(byte[] body, boolean gzip) {
    if (body.length < 5) {
      throw new IllegalArgumentException("the gRPC request body has " + body.length
          + " bytes, less than the 5-byte message prefix: a unary call sends one message");
    }
    long length = announcedLength(body);
    if (length > ServerOptions.MAX_REQUEST_BYTES) {
      throw new TooLarge(length);
    }
    if (length != body.length - 5) {
      throw new IllegalArgumentException("the gRPC message prefix gives " + length
          + " bytes but the request body holds " + (body.length - 5) + " after it: a unary call"
          + " sends exactly one message");
    }
    boolean compressed = switch (body[0]) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new IllegalArgumentException(
          "the gRPC message prefix starts with flag " + body[0] + "; it must be 0 or 1");
    };
    if (!compressed) {
      return ByteBuffer.wrap(body, 5, body.length - 5);
    }
    if (!gzip) {
      throw new IllegalArgumentException(
          "the gRPC message is marked compressed but the request has no grpc-encoding");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 5, body.length - 5))) {
      byte[] inflated = in.readNBytes(ServerOptions.MAX_REQUEST_BYTES + 1);
      if (inflated.length > ServerOptions.MAX_REQUEST_BYTES) {
        throw new TooLarge(inflated.length);
      }
      return ByteBuffer.wrap(inflated);
    } catch (IOException e) {
      throw new IllegalArgumentException("the gzip-compressed gRPC message does not inflate: "
          + e.getMessage());
    }
  }

  /**
   * Collects a request body. It fails as soon as the message prefix announces more than {@link
   * ServerOptions#MAX_REQUEST_BYTES}, or the body runs past the one message it announced, and
   * then drops what else arrives, so a client can't make the server hold more than one message.
   */
  private static final class BodyReader implements Subscriber<HttpObject> {
    final CompletableFuture<byte[]> read = new CompletableFuture<>();
    private byte[] buf = new byte[64];
    private int size;

    @Override
    public void onSubscribe(Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(HttpObject o) {
      if (!(o instanceof HttpData data) || read.isDone()) {
        return; // trailers, or the rest of a body already refused
      }
      int n = data.length();
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(size + n, 2 * buf.length));
      }
      System.arraycopy(data.array(), 0, buf, size, n);
      size += n;
      if (size < 5) {
        return;
      }
      long length = announcedLength(buf);
      if (length > ServerOptions.MAX_REQUEST_BYTES) {
        read.completeExceptionally(new TooLarge(length));
      } else if (size > 5 + length) {
        read.completeExceptionally(new IllegalArgumentException("the gRPC request body runs past"
            + " the " + length + "-byte message its prefix announces: a unary call sends exactly"
            + " one message"));
      } else if (buf.length != 5 + length) {
        // Sized to the announced message once: the rest arrives without regrowing, and a whole
        // body is handed on as it is, without a final copy.
        buf = Arrays.copyOf(buf, (int) (5 + length));
      }
      if (read.isDone()) {
        buf = null;
      }
    }

    @Override
    public void onError(Throwable t) {
      read.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      read.complete(buf == null || size == buf.length ? buf : Arrays.copyOf(buf, size));
    }
  }

  /** The message length in the prefix at the start of {@code body} (an unsigned 32-bit number). */
  private static long announcedLength(byte[] body) {
    return ((body[1] & 0xFFL) << 24) | ((body[2] & 0xFF) << 16) | ((body[3] & 0xFF) << 8)
        | (body[4] & 0xFF);
  }

  /** A request message over {@link ServerOptions#MAX_REQUEST_BYTES}: RESOURCE_EXHAUSTED. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(long bytes) {
      super("the request message has " + (bytes > ServerOptions.MAX_REQUEST_BYTES ? "over " : "")
          + ServerOptions.MAX_REQUEST_BYTES + " bytes (" + bytes + " read); the limit is "
          + ServerOptions.MAX_REQUEST_BYTES + " bytes (10 MiB)", null, false, false);
    }
  }

  /** The answer when the request body was refused, or was not received whole. */
  private static HttpResponse requestFailed(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof TooLarge) {
      return failure(Status.RESOURCE_EXHAUSTED.withDescription(cause.getMessage()));
    }
    if (cause instanceof IllegalArgumentException) {
      return failure(Status.INVALID_ARGUMENT.withDescription(cause.getMessage()));
    }
    return failure(Status.CANCELLED.withDescription("the request was not received whole: "
        + cause));
  }

  /** A trailers-only answer: the status in headers that end the stream. */
  static HttpResponse failure(Status status) {
    return HttpResponse.of(failureHeaders(status).build());
  }

  private static ResponseHeadersBuilder failureHeaders(Status status) {
    ResponseHeadersBuilder headers = ResponseHeaders.builder(HttpStatus.OK).endOfStream(true)
        .contentType(GRPC).add(GRPC_STATUS, Integer.toString(status.getCode().value()));
    if (status.getDescription() != null) {
      headers.add(GRPC_MESSAGE, percentEncode(status.getDescription()));
    }
    return headers;
  }

  /** {@code m} behind the 5-byte prefix, uncompressed. */
  private static byte[] framed(Message m) {
    int size = m.getSerializedSize();
    byte[] out = new byte[5 + size];
    out[1] = (byte) (size >>> 24);
    out[2] = (byte) (size >>> 16);
    out[3] = (byte) (size >>> 8);
    out[4] = (byte) size;
    CodedOutputStream cos = CodedOutputStream.newInstance(out, 5, size);
    try {
      m.writeTo(cos);
    } catch (IOException e) {
      throw new IllegalStateException("a response did not fit its own serialized size", e);
    }
    cos.checkNoSpaceLeft();
    return out;
  }

  /**
   * {@code grpc-message}'s encoding: UTF-8, with every byte outside printable ASCII, and '%',
   * written as {@code %XX}.
   */
  static String percentEncode(String message) {
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(utf8.length);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if (c >= 0x20 && c < 0x7F && c != '%') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }
}
