package dev.megalite.server;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The emulator's own endpoints, as Google's emulator has them: {@code GET /} (health: "Ok"),
 * {@code GET /quota} (every open project's quota usage, as JSON), {@code POST /reset} (wipe every project's data, on disk too), {@code POST /persist} (flush to
 * disk) and {@code POST /shutdown} (flush and exit); {@code /_ah/admin/datastore} and
 * {@code /_ah/admin/quit} are the old names of reset and shutdown.
 */
final class AdminService implements HttpService {
  private final Projects projects;
  private final Transactions transactions;
  private final boolean inMemory;
  private final Runnable shutdown;

  AdminService(Projects projects, Transactions transactions, boolean inMemory, Runnable shutdown) {
    this.projects = projects;
    this.transactions = transactions;
    this.inMemory = inMemory;
    this.shutdown = shutdown;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    String path = ctx.path();
    if (path.equals("/")) {
      return HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "Ok\n");
    }
    if (path.equals("/quota") && req.method() == HttpMethod.GET) {
      return HttpResponse.of(CompletableFuture.supplyAsync(() -> projects.run(() -> {
        Map<String, Object> usage = new LinkedHashMap<>();
        projects.all().forEach((project, ds) -> usage.put(project, ds.quotaUsage()));
        return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, Json.write(usage));
      }), ctx.blockingTaskExecutor()));
    }
    if (req.method() != HttpMethod.POST) {
      return HttpResponse.of(HttpStatus.METHOD_NOT_ALLOWED, MediaType.PLAIN_TEXT_UTF_8,
          path + " takes POST\n");
    }
    return HttpResponse.of(CompletableFuture.supplyAsync(() -> {
      switch (path) {
        case "/reset", "/_ah/admin/datastore" -> {
          projects.reset(transactions::clear);
          return text(HttpStatus.OK, "Resetting...\n");
        }
        case "/persist" -> {
          if (inMemory) {
            return text(HttpStatus.BAD_REQUEST,
                "nothing to persist: the emulator runs in memory (--in-memory)\n");
          }
          projects.run(() -> {
            projects.flush();
            return null;
          });
          return text(HttpStatus.OK, "Persisted.\n");
        }
        case "/shutdown", "/_ah/admin/quit" -> {
          // Answer first; the server stops (and flushes) right after the response is sent.
          ctx.log().whenComplete().thenRun(shutdown);
          return text(HttpStatus.OK, "Shutting down.\n");
        }
        default -> {
          return text(HttpStatus.NOT_FOUND, "unknown endpoint " + path + "\n");
        }
      }
    }, ctx.blockingTaskExecutor()));
  }

  private static HttpResponse text(HttpStatus status, String body) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, body);
  }
}
