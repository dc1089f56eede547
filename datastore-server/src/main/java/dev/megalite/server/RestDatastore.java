package dev.megalite.server;

import com.google.datastore.v1.AllocateIdsRequest;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.ReserveIdsRequest;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunQueryRequest;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The REST surface of the v1 API over HTTP/1.1: {@code POST /v1/projects/{project}:{method}} with
 * a protobuf body ({@code application/x-protobuf}, what the Java client sends) or a JSON one,
 * answered in the same format. Errors are a {@code google.rpc.Status} (protobuf) or Google's JSON
 * error object, with the HTTP status Google's REST surface uses.
 */
final class RestDatastore implements HttpService {
  static final MediaType PROTOBUF = MediaType.parse("application/x-protobuf");
  private static final String PREFIX = "/v1/projects/";

  /** One method: the request's default instance (to parse with) and the call. */
  private record Method(Message prototype, Function<Message, Message> call) {}

  private final Map<String, Method> methods;

  RestDatastore(DatastoreApi api) {
    this.methods = Map.of(
        "lookup", method(LookupRequest.getDefaultInstance(), api::lookup),
        "runQuery", method(RunQueryRequest.getDefaultInstance(), api::runQuery),
        "runAggregationQuery",
        method(RunAggregationQueryRequest.getDefaultInstance(), api::runAggregationQuery),
        "beginTransaction",
        method(BeginTransactionRequest.getDefaultInstance(), api::beginTransaction),
        "commit", method(CommitRequest.getDefaultInstance(), api::commit),
        "rollback", method(RollbackRequest.getDefaultInstance(), api::rollback),
        "allocateIds", method(AllocateIdsRequest.getDefaultInstance(), api::allocateIds),
        "reserveIds", method(ReserveIdsRequest.getDefaultInstance(), api::reserveIds));
  }

  @SuppressWarnings("unchecked")
  private static <Q extends Message> Method method(Q prototype, Function<Q, ? extends Message> call) {
    return new Method(prototype, m -> call.apply((Q) m));
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    return HttpResponse.of(req.aggregate()
        .thenApplyAsync(agg -> handle(ctx, agg), ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(ServiceRequestContext ctx, AggregatedHttpRequest req) {
    MediaType type = req.contentType();
    boolean json = type == null ? looksLikeJson(req) : !type.is(PROTOBUF);
    try {
      String path = ctx.path();
      int colon = path.lastIndexOf(':');
      if (!path.startsWith(PREFIX) || colon < PREFIX.length()) {
        return error(json, Status.NOT_FOUND.withDescription(
            "unknown path " + path + "; methods are POST /v1/projects/{project}:{method}"));
      }
      String project = path.substring(PREFIX.length(), colon);
      Method method = methods.get(path.substring(colon + 1));
      if (method == null) {
        return error(json, Status.NOT_FOUND.withDescription("unknown method '"
            + path.substring(colon + 1) + "'; the methods are " + methods.keySet()));
      }
      if (req.method() != HttpMethod.POST) {
        return error(json, Status.INVALID_ARGUMENT.withDescription(
            req.method() + " is not allowed; use POST"));
      }
      Message.Builder b = method.prototype().newBuilderForType();
      if (json) {
        JsonFormat.parser().ignoringUnknownFields().merge(req.contentUtf8(), b);
      } else {
        b.mergeFrom(req.content().array());
      }
      FieldDescriptor projectField = b.getDescriptorForType().findFieldByName("project_id");
      b.setField(projectField, project);
      Message response = method.call().apply(b.build());
      return json
          ? HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, JsonFormat.printer().print(response))
          : HttpResponse.of(HttpStatus.OK, PROTOBUF, response.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      return error(json, Status.INVALID_ARGUMENT.withDescription(
          "the request body is not a valid " + (json ? "JSON" : "protobuf") + " message: "
              + e.getMessage()));
    } catch (Throwable t) {
      return error(json, Errors.status(t));
    }
  }

  private static boolean looksLikeJson(AggregatedHttpRequest req) {
    String s = req.contentUtf8().stripLeading();
    return s.isEmpty() || s.startsWith("{");
  }

  static HttpResponse error(boolean json, Status status) {
    int http = Errors.httpStatus(status.getCode());
    String message = status.getDescription() == null ? "" : status.getDescription();
    if (!json) {
      com.google.rpc.Status body = com.google.rpc.Status.newBuilder()
          .setCode(status.getCode().value()).setMessage(message).build();
      return HttpResponse.of(HttpStatus.valueOf(http), PROTOBUF, body.toByteArray());
    }
    Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("code", http);
    error.put("message", message);
    error.put("status", status.getCode().name());
    return HttpResponse.of(HttpStatus.valueOf(http), MediaType.JSON_UTF_8, Json.write(Map.of("error", error)));
  }
}
