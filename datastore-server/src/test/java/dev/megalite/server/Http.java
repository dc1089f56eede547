package dev.megalite.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP/1.1 calls to a test server with {@code java.net.http}: the REST API with protobuf or
 * JSON bodies, and the emulator endpoints. Calls wait at most {@link #TIMEOUT}.
 */
final class Http {
  static final String PROTOBUF = "application/x-protobuf";
  static final String JSON = "application/json";
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Sends {@code body} (null: none) with {@code method}; an I/O failure is unchecked. */
  HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      return client.send(b.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code POST /v1/projects/{project}:{method}} with a JSON body. */
  HttpResponse<byte[]> json(String project, String method, String body) {
    return send("POST", apiPath(project, method), JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /v1/projects/{project}:{method}} with a protobuf body. */
  HttpResponse<byte[]> proto(String project, String method, Message body) {
    return send("POST", apiPath(project, method), PROTOBUF, body.toByteArray());
  }

  /** A POST without a body, as the emulator endpoints take. */
  HttpResponse<byte[]> post(String path) {
    return send("POST", path, null, null);
  }

  HttpResponse<byte[]> get(String path) {
    return send("GET", path, null, null);
  }

  static String apiPath(String project, String method) {
    return "/v1/projects/" + project + ":" + method;
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  static JsonNode tree(HttpResponse<byte[]> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text(r), e);
    }
  }
}
