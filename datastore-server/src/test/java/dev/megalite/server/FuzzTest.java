package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.datastore.v1.BeginTransactionResponse;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.Filter;
import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.PropertyFilter;
import com.google.datastore.v1.Query;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.RunQueryResponse;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.megalite.engine.ConsistencyReport;
import dev.megalite.engine.MegaliteDatastore;
import io.grpc.Status;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random, mutated and garbage requests from several threads over REST (protobuf and JSON) and
 * gRPC, with clients that hang up mid-request. Every answer must be a client error or a success,
 * never INTERNAL; afterwards the server still serves and every project's indexes agree with its
 * entities. Seeded: each thread's requests are the same on every run.
 */
class FuzzTest {
  /** The seed and the count can be raised for a longer hunt: -Dmegalite.fuzz.seed, .requests. */
  static final long SEED = Long.getLong("megalite.fuzz.seed", 0x5eed_2026L);
  static final int THREADS = 4;
  static final int REQUESTS_PER_THREAD = Integer.getInteger("megalite.fuzz.requests", 300);
  /** How many transaction handles and cursors are kept to send back. */
  static final int HARVEST = 100;
  static final List<String> PROJECTS = List.of("fuzz-a", "fuzz-b");
  static final List<String> BAD_PROJECTS =
      List.of("", "UPPER", "x".repeat(101), "-lead", "sp%20ace", "%2e%2e", "a%2Fb");
  /** gRPC codes that mean the server, not the request, is at fault. */
  static final List<Status.Code> SERVER_FAULTS = List.of(Status.Code.INTERNAL,
      Status.Code.UNKNOWN, Status.Code.DATA_LOSS, Status.Code.UNAVAILABLE,
      Status.Code.UNIMPLEMENTED, Status.Code.DEADLINE_EXCEEDED);

  @TempDir Path dir;
  ServerFixture fixture;
  Http http;
  GrpcCalls grpc;
  final Queue<String> faults = new ConcurrentLinkedQueue<>();
  final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  final List<ByteString> transactions = new CopyOnWriteArrayList<>();
  final List<ByteString> cursors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    fixture = new ServerFixture(dir, b -> b.project(PROJECTS.get(0)));
    http = new Http(fixture.server.port());
    grpc = new GrpcCalls(fixture.server.port());
  }

  @AfterEach
  void stop() {
    grpc.close();
    fixture.close();
  }

  @Test
  void garbageFromManyClientsGetsClientErrorsAndLeavesTheServerServingAndConsistent()
      throws Exception {
    // Deeply nested messages take deep stacks to build and print on the client side.
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1,
        task -> new Thread(null, task, "fuzz-client", 64L << 20));
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = SEED + t;
      work.add(pool.submit(() -> client(seed)));
    }
    work.add(pool.submit(() -> new FuzzSockets(fixture.server.port(), new Random(SEED - 1))
        .hangUps(60)));
    for (Future<?> f : work) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(faults).as("answers that blame the server").isEmpty();
    assertThat(outcomes).as("outcomes %s", outcomes)
        .containsKeys("rest 200", "rest 400", "grpc OK", "grpc INVALID_ARGUMENT");
    assertThat(Http.text(http.get("/")).strip()).isEqualTo("Ok");
    roundTrip();
    // Corrupt bytes may name other valid projects: each opened store is checked too.
    Map<String, MegaliteDatastore> stores = fixture.server.projects().all();
    assertThat(stores).containsKeys(PROJECTS.toArray(String[]::new));
    stores.forEach((project, ds) -> {
      ConsistencyReport report = ds.checkConsistency();
      assertThat(report.problems()).as("consistency problems of " + project).isEmpty();
      if (PROJECTS.contains(project)) {
        assertThat(report.entities()).as("entities of " + project).isPositive();
      }
    });
  }

  private void roundTrip() throws Exception {
    com.google.datastore.v1.Key key = com.google.datastore.v1.Key.newBuilder().addPath(
        com.google.datastore.v1.Key.PathElement.newBuilder().setKind("After").setName("fuzz"))
        .build();
    CommitRequest commit = CommitRequest.newBuilder().setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(Entity.newBuilder().setKey(key)
            .putProperties("ok", Value.newBuilder().setBooleanValue(true).build())))
        .build();
    assertThat(http.proto(PROJECTS.get(1), "commit", commit).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> r = http.proto(PROJECTS.get(1), "lookup",
        LookupRequest.newBuilder().addKeys(key).build());
    assertThat(LookupResponse.parseFrom(r.body()).getFoundCount()).isEqualTo(1);
    LookupResponse viaGrpc = (LookupResponse) grpc.call("lookup",
        LookupRequest.newBuilder().setProjectId(PROJECTS.get(1)).addKeys(key).build());
    assertThat(viaGrpc.getFound(0).getEntity().getPropertiesOrThrow("ok").getBooleanValue())
        .isTrue();
  }

  private void client(long seed) {
    Random r = new Random(seed);
    FuzzInputs in = new FuzzInputs(r, () -> seen(transactions, r), () -> seen(cursors, r));
    FuzzMutator mut = new FuzzMutator(r);
    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
      String method = in.pick(FuzzInputs.METHODS);
      String project = r.nextInt(25) == 0 ? in.pick(BAD_PROJECTS) : in.pick(PROJECTS);
      Message valid = in.valid(method, project);
      String what = "seed " + seed + " #" + i + " " + method;
      int shape = r.nextInt(20);
      if (shape < 4) {
        send(r, what + " valid", project, method, valid);
      } else if (shape < 11) {
        send(r, what + " mutated", project, method, withProject(mut.mutate(valid), project));
      } else if (shape < 13) {
        send(r, what + " garbage values", project, method, garbageValues(in, mut, method, valid));
      } else if (shape < 14) {
        String nested = r.nextBoolean() ? "runQuery" : "commit";
        send(r, what + " deep " + nested, project, nested, deep(r, project, nested));
      } else if (shape < 17) {
        byte[] bytes = mut.corrupt(valid.toByteArray());
        if (r.nextBoolean()) {
          rest(what + " corrupt protobuf", project, method, Http.PROTOBUF, bytes);
        } else {
          grpc(what + " corrupt protobuf", method, bytes);
        }
      } else {
        rest(what + " corrupt JSON", project, method, Http.JSON,
            mut.corruptJson(json(valid)).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** Plants targeted garbage (bad keys, edge values) where the method carries keys or values. */
  private static Message garbageValues(FuzzInputs in, FuzzMutator mut, String method,
      Message valid) {
    return switch (method) {
      case "lookup", "allocateIds", "reserveIds" -> {
        Message.Builder b = valid.toBuilder();
        b.addRepeatedField(b.getDescriptorForType().findFieldByName("keys"), mut.garbageKey());
        yield b.build();
      }
      case "commit" -> ((CommitRequest) valid).toBuilder().addMutations(Mutation.newBuilder()
          .setUpsert(Entity.newBuilder().setKey(in.key(true)).putProperties(
              in.pick(List.of("n", mut.string())), mut.garbageValue()))).build();
      case "runQuery" -> ((RunQueryRequest) valid).toBuilder().setQuery(Query.newBuilder()
          .addKind(KindExpression.newBuilder().setName(in.pick(List.of("Task", mut.string()))))
          .setFilter(Filter.newBuilder().setPropertyFilter(PropertyFilter.newBuilder()
              .setProperty(in.property(in.pick(List.of("n", "__key__", mut.string()))))
              .setOp(in.pick(List.of(PropertyFilter.Operator.EQUAL, PropertyFilter.Operator.IN,
                  PropertyFilter.Operator.NOT_IN, PropertyFilter.Operator.HAS_ANCESTOR,
                  PropertyFilter.Operator.LESS_THAN)))
              .setValue(mut.garbageValue())))).build();
      default -> mut.mutate(valid);
    };
  }

  private static Message deep(Random r, String project, String method) {
    // Around protobuf's parse limit of 100 nested messages: a level is 2 (filter) or 3 (entity).
    int levels = List.of(10, 33, 34, 49, 51, 150).get(r.nextInt(6));
    if (method.equals("runQuery")) {
      return RunQueryRequest.newBuilder().setProjectId(project).setQuery(Query.newBuilder()
          .setFilter(FuzzMutator.nestedFilter(levels, Filter.newBuilder().setPropertyFilter(
              PropertyFilter.newBuilder().setProperty(
                  com.google.datastore.v1.PropertyReference.newBuilder().setName("n"))
                  .setOp(PropertyFilter.Operator.EQUAL)
                  .setValue(Value.newBuilder().setIntegerValue(1))).build()))).build();
    }
    Value deep = r.nextBoolean() ? FuzzMutator.nestedEntity(levels)
        : FuzzMutator.nestedArray(levels % 5);
    return CommitRequest.newBuilder().setProjectId(project)
        .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(Entity.newBuilder()
            .setKey(com.google.datastore.v1.Key.newBuilder().addPath(
                com.google.datastore.v1.Key.PathElement.newBuilder().setKind("Deep").setId(1)))
            .putProperties("deep", deep))).build();
  }

  private static Message withProject(Message m, String project) {
    Message.Builder b = m.toBuilder();
    return b.setField(b.getDescriptorForType().findFieldByName("project_id"), project).build();
  }

  /**
   * A handle or cursor seen so far, or random bytes; it draws the same random numbers whatever
   * the other threads have harvested, so each thread's sequence of requests stays the same.
   */
  private static ByteString seen(List<ByteString> from, Random r) {
    boolean fresh = r.nextInt(4) == 0;
    byte[] b = new byte[r.nextBoolean() ? 16 : r.nextInt(40)];
    r.nextBytes(b);
    int i = r.nextInt(HARVEST);
    return fresh || from.isEmpty() ? ByteString.copyFrom(b) : from.get(i % from.size());
  }

  private void send(Random r, String what, String project, String method, Message m) {
    switch (r.nextInt(3)) {
      case 0 -> rest(what + " protobuf", project, method, Http.PROTOBUF, m.toByteArray());
      case 1 -> rest(what + " JSON", project, method, Http.JSON,
          json(m).getBytes(StandardCharsets.UTF_8));
      default -> {
        try {
          harvest(grpc.call(method, m));
          count("grpc OK");
        } catch (io.grpc.StatusRuntimeException e) {
          grpcFault(what + " gRPC", e.getStatus());
        }
      }
    }
  }

  private void grpc(String what, String method, byte[] body) {
    Status s = grpc.callBytes(method, body);
    grpcFault(what + " gRPC", s);
  }

  private void grpcFault(String what, Status s) {
    count("grpc " + s.getCode());
    if (SERVER_FAULTS.contains(s.getCode())) {
      faults.add(what + " -> " + s.getCode() + ": " + s.getDescription());
    }
  }

  private void rest(String what, String project, String method, String type, byte[] body) {
    HttpResponse<byte[]> r;
    try {
      r = http.send("POST", Http.apiPath(project, method), type, body);
    } catch (UncheckedIOException e) {
      faults.add(what + " REST -> " + e.getMessage());
      return;
    }
    count("rest " + r.statusCode());
    if (r.statusCode() >= 500) {
      faults.add(what + " REST -> " + r.statusCode() + ": " + Http.text(r));
    } else if (r.statusCode() == 200 && type.equals(Http.PROTOBUF)) {
      try {
        harvest(method.equals("beginTransaction") ? BeginTransactionResponse.parseFrom(r.body())
            : method.equals("runQuery") ? RunQueryResponse.parseFrom(r.body()) : null);
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        faults.add(what + " REST -> an unreadable 200 answer: " + e.getMessage());
      }
    }
  }

  /** Keeps transaction handles and cursors the server gave out, to send them back later. */
  private void harvest(Message response) {
    if (response instanceof BeginTransactionResponse b && transactions.size() < HARVEST) {
      transactions.add(b.getTransaction());
    } else if (response instanceof RunQueryResponse q && !q.getBatch().getEndCursor().isEmpty()
        && cursors.size() < HARVEST) {
      cursors.add(q.getBatch().getEndCursor());
    }
  }

  private static String json(Message m) {
    try {
      return JsonFormat.printer().print(m);
    } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalArgumentException e) {
      return "{\"unprintable\": \"" + e.getClass().getSimpleName() + "\"}";
    }
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
  }
}
