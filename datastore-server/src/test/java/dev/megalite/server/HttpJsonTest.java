package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.datastore.v1.AggregationQuery;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.BeginTransactionResponse;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.CommitResponse;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.PropertyFilter;
import com.google.datastore.v1.PropertyReference;
import com.google.datastore.v1.Query;
import com.google.datastore.v1.ReadOptions;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunAggregationQueryResponse;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.RunQueryResponse;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST surface over plain HTTP/1.1, as curl or a script would use it: JSON bodies in the REST
 * API's JSON form (lowerCamelCase names, int64 as strings), protobuf bodies as the Java client
 * sends them, and the error answers of each.
 */
class HttpJsonTest {
  static final String P = "test-project";
  @TempDir static Path dir;
  static ServerFixture fixture;
  static Http http;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(dir);
    http = new Http(fixture.server.port());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static JsonNode ok(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    return Http.tree(r);
  }

  static String upsert(String name, int n) {
    return upsert("Task", name, n);
  }

  static String upsert(String kind, String name, int n) {
    return "{\"mode\":\"NON_TRANSACTIONAL\",\"mutations\":[{\"upsert\":{\"key\":{\"path\":[{\"kind\":"
        + "\"" + kind + "\",\"name\":\"" + name + "\"}]},\"properties\":{\"n\":{\"integerValue\":\"" + n
        + "\"}}}}]}";
  }

  @Test
  void jsonCommitLookupQueryAndAggregationUseTheRestJsonForm() {
    JsonNode commit = ok(http.json(P, "commit", upsert("Job", "a", 5)));
    assertThat(commit.at("/mutationResults/0/version").isTextual()).isTrue();
    ok(http.json(P, "commit", upsert("Job", "b", 7)));

    JsonNode lookup = ok(http.json(P, "lookup",
        "{\"keys\":[{\"path\":[{\"kind\":\"Job\",\"name\":\"a\"}]},"
            + "{\"path\":[{\"kind\":\"Job\",\"name\":\"zz\"}]}]}"));
    assertThat(lookup.at("/found/0/entity/properties/n/integerValue").asText()).isEqualTo("5");
    assertThat(lookup.at("/found/0/entity/key/partitionId/projectId").asText()).isEqualTo(P);
    assertThat(lookup.at("/missing/0/entity/key/path/0/name").asText()).isEqualTo("zz");

    JsonNode query = ok(http.json(P, "runQuery",
        "{\"query\":{\"kind\":[{\"name\":\"Job\"}],\"filter\":{\"propertyFilter\":{\"property\":"
            + "{\"name\":\"n\"},\"op\":\"GREATER_THAN\",\"value\":{\"integerValue\":\"6\"}}}}}"));
    assertThat(query.at("/batch/entityResults")).hasSize(1);
    assertThat(query.at("/batch/entityResults/0/entity/key/path/0/name").asText()).isEqualTo("b");
    assertThat(query.at("/batch/moreResults").asText()).isEqualTo("NO_MORE_RESULTS");

    JsonNode agg = ok(http.json(P, "runAggregationQuery",
        "{\"aggregationQuery\":{\"nestedQuery\":{\"kind\":[{\"name\":\"Job\"}]},\"aggregations\":"
            + "[{\"alias\":\"total\",\"count\":{}},{\"alias\":\"s\",\"sum\":{\"property\":"
            + "{\"name\":\"n\"}}}]}}"));
    JsonNode values = agg.at("/batch/aggregationResults/0/aggregateProperties");
    assertThat(values.at("/total/integerValue").asText()).isEqualTo("2");
    assertThat(values.at("/s/integerValue").asText()).isEqualTo("12");
  }

  @Test
  void aJsonTransactionReadsAndCommitsWithItsBase64Handle() {
    ok(http.json(P, "commit", upsert("txn", 1)));
    String txn = ok(http.json(P, "beginTransaction", "{}")).at("/transaction").asText();
    assertThat(txn).isNotEmpty();
    String key = "{\"path\":[{\"kind\":\"Task\",\"name\":\"txn\"}]}";
    JsonNode read = ok(http.json(P, "lookup",
        "{\"keys\":[" + key + "],\"readOptions\":{\"transaction\":\"" + txn + "\"}}"));
    assertThat(read.at("/found/0/entity/properties/n/integerValue").asText()).isEqualTo("1");
    String commit = "{\"mode\":\"TRANSACTIONAL\",\"transaction\":\"" + txn + "\",\"mutations\":"
        + "[{\"update\":{\"key\":" + key + ",\"properties\":{\"n\":{\"integerValue\":\"2\"}}}}]}";
    ok(http.json(P, "commit", commit));
    JsonNode after = ok(http.json(P, "lookup", "{\"keys\":[" + key + "]}"));
    assertThat(after.at("/found/0/entity/properties/n/integerValue").asText()).isEqualTo("2");

    HttpResponse<byte[]> again = http.json(P, "commit", commit);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Http.tree(again).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  static <T extends com.google.protobuf.Message> T parse(HttpResponse<byte[]> r,
      com.google.protobuf.Parser<T> parser) throws Exception {
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue(Http.PROTOBUF);
    return parser.parseFrom(r.body());
  }

  @Test
  void theSameCallsWorkWithProtobufBodies() throws Exception {
    Key key = Key.newBuilder().addPath(Key.PathElement.newBuilder().setKind("Proto").setName("p"))
        .build();
    Entity e = Entity.newBuilder().setKey(key)
        .putProperties("n", Value.newBuilder().setIntegerValue(41).build()).build();
    CommitResponse c = parse(http.proto(P, "commit", CommitRequest.newBuilder()
        .setMode(CommitRequest.Mode.NON_TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(e)).build()), CommitResponse.parser());
    assertThat(c.getMutationResults(0).getVersion()).isPositive();

    ByteString txn = parse(http.proto(P, "beginTransaction",
        BeginTransactionRequest.getDefaultInstance()), BeginTransactionResponse.parser())
        .getTransaction();
    Entity next = e.toBuilder()
        .putProperties("n", Value.newBuilder().setIntegerValue(42).build()).build();
    parse(http.proto(P, "commit", CommitRequest.newBuilder().setTransaction(txn)
        .setMode(CommitRequest.Mode.TRANSACTIONAL)
        .addMutations(Mutation.newBuilder().setUpsert(next)).build()), CommitResponse.parser());

    LookupResponse l = parse(http.proto(P, "lookup", LookupRequest.newBuilder().addKeys(key)
        .setReadOptions(ReadOptions.newBuilder()
            .setReadConsistency(ReadOptions.ReadConsistency.STRONG)).build()),
        LookupResponse.parser());
    assertThat(l.getFound(0).getEntity().getPropertiesMap()).isEqualTo(next.getPropertiesMap());
    assertThat(l.getFound(0).getEntity().getKey().getPartitionId().getProjectId()).isEqualTo(P);

    Query q = Query.newBuilder().addKind(KindExpression.newBuilder().setName("Proto"))
        .setFilter(com.google.datastore.v1.Filter.newBuilder().setPropertyFilter(
            PropertyFilter.newBuilder().setProperty(PropertyReference.newBuilder().setName("n"))
                .setOp(PropertyFilter.Operator.EQUAL)
                .setValue(Value.newBuilder().setIntegerValue(42)))).build();
    RunQueryResponse r = parse(http.proto(P, "runQuery",
        RunQueryRequest.newBuilder().setQuery(q).build()), RunQueryResponse.parser());
    assertThat(r.getBatch().getEntityResultsList())
        .extracting(x -> x.getEntity().getKey().getPathList()).containsExactly(key.getPathList());

    RunAggregationQueryResponse a = parse(http.proto(P, "runAggregationQuery",
        RunAggregationQueryRequest.newBuilder().setAggregationQuery(AggregationQuery.newBuilder()
            .setNestedQuery(q).addAggregations(AggregationQuery.Aggregation.newBuilder()
                .setAlias("c").setCount(AggregationQuery.Aggregation.Count.getDefaultInstance())))
            .build()), RunAggregationQueryResponse.parser());
    assertThat(a.getBatch().getAggregationResults(0).getAggregatePropertiesOrThrow("c")
        .getIntegerValue()).isEqualTo(1);
  }

  @Test
  void theProjectComesFromThePathNotTheBody() {
    ok(http.json("path-project", "commit",
        upsert("where", 1).replace("{\"mode\"", "{\"projectId\":\"body-project\",\"mode\"")));
    JsonNode found = ok(http.json("path-project", "lookup",
        "{\"keys\":[{\"path\":[{\"kind\":\"Task\",\"name\":\"where\"}]}]}"));
    assertThat(found.at("/found")).hasSize(1);
  }

  static JsonNode jsonError(HttpResponse<byte[]> r, int http, String status) {
    assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(http);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    JsonNode error = Http.tree(r).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(http);
    assertThat(error.path("status").asText()).isEqualTo(status);
    return error;
  }

  @Test
  void malformedJsonIsA400WithAJsonErrorNamingTheProblem() {
    JsonNode truncated = jsonError(http.json(P, "commit", "{\"mode\":\"NON_TRANSACTIONAL\","
        + "\"mutations\":["), 400, "INVALID_ARGUMENT");
    assertThat(truncated.path("message").asText()).contains("JSON");
    JsonNode wrongType = jsonError(http.json(P, "lookup", "{\"keys\":\"Task\"}"), 400,
        "INVALID_ARGUMENT");
    assertThat(wrongType.path("message").asText()).contains("keys");
  }

  @Test
  void aServiceErrorKeepsItsStatusInJson() {
    ok(http.json(P, "commit", upsert("exists", 1)));
    jsonError(http.json(P, "commit", upsert("exists", 2).replace("upsert", "insert")), 409,
        "ALREADY_EXISTS");
    JsonNode incomplete = jsonError(http.json(P, "lookup",
        "{\"keys\":[{\"path\":[{\"kind\":\"Task\"}]}]}"), 400, "INVALID_ARGUMENT");
    assertThat(incomplete.path("message").asText()).contains("complete key");
  }

  @Test
  void malformedProtobufIsA400WithAStatusBody() throws Exception {
    HttpResponse<byte[]> r = http.send("POST", Http.apiPath(P, "commit"), Http.PROTOBUF,
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue(Http.PROTOBUF);
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(r.body());
    assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT.value());
    assertThat(status.getMessage()).contains("protobuf");
  }

  @Test
  void anUnknownMethodOrPathIsA404() {
    JsonNode unknown = jsonError(http.json(P, "frobnicate", "{}"), 404, "NOT_FOUND");
    assertThat(unknown.path("message").asText()).contains("frobnicate");
    jsonError(http.send("POST", "/v1/operations", Http.JSON, new byte[0]), 404, "NOT_FOUND");
  }

  @Test
  void getOnAMethodIsRefusedAndNamesPost() {
    HttpResponse<byte[]> r = http.get(Http.apiPath(P, "lookup"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.text(r)).contains("POST");
  }

  @Test
  void aBodyOverTenMebibytesIsRejectedAndTheNextRequestIsServed() {
    byte[] huge = new byte[ServerOptions.MAX_REQUEST_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    HttpResponse<byte[]> r = http.send("POST", Http.apiPath(P, "lookup"), Http.JSON, huge);
    assertThat(r.statusCode()).isEqualTo(413);
    ok(http.json(P, "lookup", "{\"keys\":[]}"));
  }
}
