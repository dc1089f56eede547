package dev.megalite.server;

import com.google.datastore.v1.AggregationQuery;
import com.google.datastore.v1.AllocateIdsRequest;
import com.google.datastore.v1.ArrayValue;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.CompositeFilter;
import com.google.datastore.v1.Entity;
import com.google.datastore.v1.Filter;
import com.google.datastore.v1.GqlQuery;
import com.google.datastore.v1.GqlQueryParameter;
import com.google.datastore.v1.Key;
import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.Mutation;
import com.google.datastore.v1.PropertyFilter;
import com.google.datastore.v1.PropertyOrder;
import com.google.datastore.v1.PropertyReference;
import com.google.datastore.v1.Query;
import com.google.datastore.v1.ReadOptions;
import com.google.datastore.v1.ReserveIdsRequest;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.TransactionOptions;
import com.google.datastore.v1.Value;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import com.google.type.LatLng;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded requests for {@link FuzzTest}: a valid request of each v1 method (over a few kinds and
 * keys, so requests meet each other's data), and the same with garbage values planted by
 * {@link FuzzMutator}. Transaction handles and cursors the server handed out are fed back in.
 */
final class FuzzInputs {
  static final List<String> METHODS = List.of("lookup", "runQuery", "runAggregationQuery",
      "beginTransaction", "commit", "rollback", "allocateIds", "reserveIds");
  static final List<String> KINDS = List.of("Task", "Note", "Parent");
  static final List<String> GQL = List.of("SELECT * FROM Task WHERE n > @1 ORDER BY n DESC",
      "SELECT __key__ FROM Note WHERE s = 'a' LIMIT 5", "SELECT COUNT(*) AS c FROM Task",
      "SELECT n, s FROM Task WHERE n IN ARRAY(1, 2, 3)", "SELECT * WHERE __key__ HAS ANCESTOR @p",
      "SELECT SUM(n), AVG(d) FROM Task WHERE b = TRUE", "SELECT DISTINCT s FROM Note OFFSET 2");

  private final Random r;
  private final Supplier<ByteString> transactions;
  private final Supplier<ByteString> cursors;

  /** {@code transactions} and {@code cursors} answer ones seen so far (or random bytes). */
  FuzzInputs(Random r, Supplier<ByteString> transactions, Supplier<ByteString> cursors) {
    this.r = r;
    this.transactions = transactions;
    this.cursors = cursors;
  }

  <T> T pick(List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  Key key(boolean complete) {
    Key.Builder k = Key.newBuilder();
    if (r.nextInt(4) == 0) {
      k.addPath(Key.PathElement.newBuilder().setKind("Parent").setName("p" + r.nextInt(3)));
    }
    Key.PathElement.Builder last = Key.PathElement.newBuilder().setKind(pick(KINDS));
    if (complete) {
      if (r.nextBoolean()) {
        last.setName("k" + r.nextInt(20));
      } else {
        last.setId(1 + r.nextInt(20));
      }
    }
    return k.addPath(last).build();
  }

  Value value() {
    Value.Builder v = Value.newBuilder();
    switch (r.nextInt(12)) {
      case 0 -> v.setIntegerValue(r.nextInt(10));
      case 1 -> v.setStringValue("s" + r.nextInt(5));
      case 2 -> v.setDoubleValue(r.nextDouble());
      case 3 -> v.setBooleanValue(r.nextBoolean());
      case 4 -> v.setTimestampValue(Timestamp.newBuilder().setSeconds(r.nextInt(1 << 30)));
      case 5 -> v.setKeyValue(key(true));
      case 6 -> v.setBlobValue(ByteString.copyFrom(bytes(8)));
      case 7 -> v.setGeoPointValue(LatLng.newBuilder().setLatitude(10).setLongitude(20));
      case 8 -> v.setEntityValue(Entity.newBuilder().putProperties("inner", Value.newBuilder()
          .setIntegerValue(r.nextInt(3)).build()));
      case 9 -> v.setArrayValue(ArrayValue.newBuilder().addValues(Value.newBuilder()
          .setIntegerValue(r.nextInt(3))).addValues(Value.newBuilder().setStringValue("x")));
      case 10 -> v.setNullValue(NullValue.NULL_VALUE);
      default -> v.setStringValue("unindexed").setExcludeFromIndexes(true);
    }
    return v.build();
  }

  Entity entity(boolean complete) {
    Entity.Builder e = Entity.newBuilder().setKey(key(complete))
        .putProperties("n", Value.newBuilder().setIntegerValue(r.nextInt(10)).build())
        .putProperties("s", Value.newBuilder().setStringValue("s" + r.nextInt(5)).build());
    for (int i = r.nextInt(4); i > 0; i--) {
      e.putProperties(pick(List.of("d", "b", "v", "w")), value());
    }
    return e.build();
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  ReadOptions readOptions() {
    return switch (r.nextInt(5)) {
      case 0 -> ReadOptions.newBuilder().setTransaction(transactions.get()).build();
      case 1 -> ReadOptions.newBuilder().setNewTransaction(TransactionOptions.getDefaultInstance())
          .build();
      case 2 -> ReadOptions.newBuilder()
          .setReadConsistency(ReadOptions.ReadConsistency.EVENTUAL).build();
      default -> ReadOptions.getDefaultInstance();
    };
  }

  PropertyReference property(String name) {
    return PropertyReference.newBuilder().setName(name).build();
  }

  Filter propertyFilter() {
    PropertyFilter.Operator op = pick(List.of(PropertyFilter.Operator.EQUAL,
        PropertyFilter.Operator.GREATER_THAN, PropertyFilter.Operator.LESS_THAN_OR_EQUAL,
        PropertyFilter.Operator.NOT_EQUAL, PropertyFilter.Operator.IN));
    Value v = op == PropertyFilter.Operator.IN
        ? Value.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(Value.newBuilder().setIntegerValue(1))
            .addValues(Value.newBuilder().setIntegerValue(3))).build()
        : Value.newBuilder().setIntegerValue(r.nextInt(10)).build();
    return Filter.newBuilder().setPropertyFilter(PropertyFilter.newBuilder()
        .setProperty(property(r.nextInt(4) == 0 ? "s" : "n")).setOp(op).setValue(v)).build();
  }

  Query query() {
    Query.Builder q = Query.newBuilder().addKind(KindExpression.newBuilder().setName(pick(KINDS)));
    switch (r.nextInt(4)) {
      case 0 -> q.setFilter(propertyFilter());
      case 1 -> q.setFilter(Filter.newBuilder().setCompositeFilter(CompositeFilter.newBuilder()
          .setOp(r.nextBoolean() ? CompositeFilter.Operator.AND : CompositeFilter.Operator.OR)
          .addFilters(propertyFilter()).addFilters(propertyFilter())));
      case 2 -> q.addOrder(PropertyOrder.newBuilder().setProperty(property("n"))
          .setDirection(PropertyOrder.Direction.DESCENDING));
      default -> { }
    }
    if (r.nextInt(3) == 0) {
      q.setLimit(Int32Value.of(r.nextInt(5)));
    }
    if (r.nextInt(4) == 0) {
      q.setStartCursor(cursors.get());
    }
    if (r.nextInt(6) == 0) {
      q.addProjection(com.google.datastore.v1.Projection.newBuilder().setProperty(property(
          r.nextBoolean() ? "__key__" : "n")));
    }
    return q.build();
  }

  GqlQuery gql() {
    return GqlQuery.newBuilder().setQueryString(pick(GQL)).setAllowLiterals(r.nextBoolean())
        .addPositionalBindings(GqlQueryParameter.newBuilder().setValue(Value.newBuilder()
            .setIntegerValue(r.nextInt(10))))
        .putNamedBindings("p", GqlQueryParameter.newBuilder().setValue(Value.newBuilder()
            .setKeyValue(key(true))).build())
        .build();
  }

  /** A valid request of {@code method} (it may still fail, say an insert of an existing key). */
  Message valid(String method, String project) {
    return switch (method) {
      case "lookup" -> LookupRequest.newBuilder().setProjectId(project)
          .addKeys(key(true)).addKeys(key(true)).setReadOptions(readOptions()).build();
      case "runQuery" -> {
        RunQueryRequest.Builder q = RunQueryRequest.newBuilder().setProjectId(project)
            .setReadOptions(readOptions());
        yield (r.nextBoolean() ? q.setQuery(query()) : q.setGqlQuery(gql())).build();
      }
      case "runAggregationQuery" -> {
        RunAggregationQueryRequest.Builder q = RunAggregationQueryRequest.newBuilder()
            .setProjectId(project).setReadOptions(readOptions());
        yield (r.nextBoolean() ? q.setGqlQuery(gql()) : q.setAggregationQuery(
            AggregationQuery.newBuilder().setNestedQuery(query())
                .addAggregations(AggregationQuery.Aggregation.newBuilder().setAlias("c")
                    .setCount(AggregationQuery.Aggregation.Count.getDefaultInstance()))
                .addAggregations(AggregationQuery.Aggregation.newBuilder().setSum(
                    AggregationQuery.Aggregation.Sum.newBuilder().setProperty(property("n"))))))
            .build();
      }
      case "beginTransaction" -> BeginTransactionRequest.newBuilder().setProjectId(project)
          .setTransactionOptions(r.nextBoolean() ? TransactionOptions.getDefaultInstance()
              : TransactionOptions.newBuilder().setReadOnly(
                  TransactionOptions.ReadOnly.getDefaultInstance()).build()).build();
      case "commit" -> commit(project);
      case "rollback" -> RollbackRequest.newBuilder().setProjectId(project)
          .setTransaction(transactions.get()).build();
      case "allocateIds" -> AllocateIdsRequest.newBuilder().setProjectId(project)
          .addKeys(key(false)).addKeys(key(false)).build();
      case "reserveIds" -> ReserveIdsRequest.newBuilder().setProjectId(project)
          .addKeys(key(true)).build();
      default -> throw new IllegalArgumentException(method);
    };
  }

  private CommitRequest commit(String project) {
    CommitRequest.Builder c = CommitRequest.newBuilder().setProjectId(project);
    switch (r.nextInt(4)) {
      case 0 -> c.setMode(CommitRequest.Mode.TRANSACTIONAL).setTransaction(transactions.get());
      case 1 -> c.setMode(CommitRequest.Mode.TRANSACTIONAL)
          .setSingleUseTransaction(TransactionOptions.getDefaultInstance());
      default -> c.setMode(CommitRequest.Mode.NON_TRANSACTIONAL);
    }
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      Mutation.Builder m = Mutation.newBuilder();
      switch (r.nextInt(5)) {
        case 0 -> m.setInsert(entity(r.nextBoolean()));
        case 1 -> m.setUpdate(entity(true));
        case 2 -> m.setDelete(key(true));
        default -> m.setUpsert(entity(r.nextInt(4) > 0));
      }
      if (r.nextInt(8) == 0) {
        m.setBaseVersion(r.nextInt(5));
      }
      c.addMutations(m);
    }
    return c.build();
  }
}
