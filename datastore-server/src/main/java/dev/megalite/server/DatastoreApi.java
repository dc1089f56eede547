package dev.megalite.server;

import com.google.datastore.v1.AllocateIdsRequest;
import com.google.datastore.v1.AllocateIdsResponse;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.BeginTransactionResponse;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.CommitResponse;
import com.google.datastore.v1.EntityResult;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.MutationResult;
import com.google.datastore.v1.PartitionId;
import com.google.datastore.v1.ReadOptions;
import com.google.datastore.v1.ReserveIdsRequest;
import com.google.datastore.v1.ReserveIdsResponse;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RollbackResponse;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunAggregationQueryResponse;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.RunQueryResponse;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.AggregationResult;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteTransaction;
import dev.megalite.engine.VersionedEntity;
import dev.megalite.engine.Write;
import dev.megalite.engine.WriteResult;
import dev.megalite.gql.BoundGql;
import dev.megalite.server.proto.EntityProtos;
import dev.megalite.server.proto.GqlProtos;
import dev.megalite.server.proto.Partition;
import dev.megalite.server.proto.QueryProtos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cloud Datastore v1 methods, independent of how they arrived (gRPC or REST): each takes the
 * request message and returns the response message, or throws a Megalite error the transports map
 * to a status. Queries are delegated to {@link QueryBatches}.
 */
final class DatastoreApi {
  /** Cloud Datastore's transaction lifetime. */
  private static final Duration TRANSACTION_DEADLINE = Duration.ofSeconds(270);
  /** A lookup answers with at most this many bytes of entities and defers the other keys. */
  static final int LOOKUP_RESPONSE_BYTES = 3 * 1024 * 1024;

  private final Projects projects;
  private final Transactions transactions;

  DatastoreApi(Projects projects, Transactions transactions) {
    this.projects = projects;
    this.transactions = transactions;
  }

  LookupResponse lookup(LookupRequest req) {
    return projects.run(() -> {
      Partition partition = Partition.of(req.getProjectId(), PartitionId.getDefaultInstance());
      checkDatabase(req.getDatabaseId());
      List<Key> keys = new ArrayList<>(req.getKeysCount());
      for (com.google.datastore.v1.Key k : req.getKeysList()) {
        keys.add(EntityProtos.key(k, partition, "lookup"));
      }
      LookupResponse.Builder out = LookupResponse.newBuilder();
      Reader reader = reader(req.getProjectId(), req.getReadOptions(), out::setTransaction);
      List<VersionedEntity> read = reader.txn != null ? reader.txn.lookup(keys)
          : reader.ds.lookup(keys);
      long bytes = 0;
      for (int i = 0; i < read.size(); i++) {
        VersionedEntity v = read.get(i);
        if (!v.found()) {
          out.addMissing(EntityResult.newBuilder()
              .setEntity(com.google.datastore.v1.Entity.newBuilder()
                  .setKey(EntityProtos.toProto(v.key())))
              .setVersion(v.version()));
          continue;
        }
        com.google.datastore.v1.Entity e = EntityProtos.toProto(v.entity());
        if (bytes > 0 && bytes + e.getSerializedSize() > LOOKUP_RESPONSE_BYTES) {
          out.addDeferred(EntityProtos.toProto(v.key()));
          continue;
        }
        bytes += e.getSerializedSize();
        out.addFound(EntityResult.newBuilder().setEntity(e).setVersion(v.version()));
      }
      return out.setReadTime(now()).build();
    });
  }

  RunQueryResponse runQuery(RunQueryRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      if (req.hasExplainOptions()) {
        throw new BadRequestException("explain_options (query explain) is not supported");
      }
      Partition partition = Partition.of(req.getProjectId(), req.getPartitionId());
      RunQueryResponse.Builder out = RunQueryResponse.newBuilder();
      Reader reader = reader(req.getProjectId(), req.getReadOptions(), out::setTransaction);
      dev.megalite.api.query.Query query;
      if (req.hasGqlQuery()) {
        BoundGql bound = GqlProtos.bind(req.getGqlQuery(), partition);
        if (bound instanceof BoundGql.Aggregate) {
          throw new BadRequestException(
              "this GQL is an aggregation query; send it with RunAggregationQuery");
        }
        query = bound.query();
        out.setQuery(QueryProtos.toProto(query));
      } else if (req.hasQuery()) {
        query = QueryProtos.query(req.getQuery(), partition);
      } else {
        throw new BadRequestException("RunQuery needs a query or a gql_query");
      }
      out.setBatch(QueryBatches.run(reader.ds, reader.txn, query));
      return out.build();
    });
  }

  RunAggregationQueryResponse runAggregationQuery(RunAggregationQueryRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      if (req.hasExplainOptions()) {
        throw new BadRequestException("explain_options (query explain) is not supported");
      }
      Partition partition = Partition.of(req.getProjectId(), req.getPartitionId());
      RunAggregationQueryResponse.Builder out = RunAggregationQueryResponse.newBuilder();
      Reader reader = reader(req.getProjectId(), req.getReadOptions(), out::setTransaction);
      AggregationQuery aq;
      if (req.hasGqlQuery()) {
        BoundGql bound = GqlProtos.bind(req.getGqlQuery(), partition);
        if (!(bound instanceof BoundGql.Aggregate a)) {
          throw new BadRequestException(
              "this GQL is not an aggregation query; send it with RunQuery");
        }
        aq = a.aggregation();
        out.setQuery(QueryProtos.toProto(aq));
      } else if (req.hasAggregationQuery()) {
        aq = QueryProtos.aggregation(req.getAggregationQuery(), partition);
      } else {
        throw new BadRequestException("RunAggregationQuery needs an aggregation_query or a gql_query");
      }
      AggregationResult result = reader.txn != null
          ? reader.txn.runAggregation(aq)
          : reader.ds.runAggregation(aq);
      com.google.datastore.v1.AggregationResult.Builder r =
          com.google.datastore.v1.AggregationResult.newBuilder();
      result.values().forEach((alias, v) -> r.putAggregateProperties(alias, EntityProtos.toProto(v)));
      out.setBatch(com.google.datastore.v1.AggregationResultBatch.newBuilder()
          .addAggregationResults(r)
          .setMoreResults(com.google.datastore.v1.QueryResultBatch.MoreResultsType.NO_MORE_RESULTS)
          .setReadTime(now()));
      return out.build();
    });
  }

  BeginTransactionResponse beginTransaction(BeginTransactionRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      return BeginTransactionResponse.newBuilder()
          .setTransaction(begin(req.getProjectId(), req.getTransactionOptions()))
          .build();
    });
  }

  private ByteString begin(String project, com.google.datastore.v1.TransactionOptions pb) {
    if (pb.hasReadOnly() && pb.getReadOnly().hasReadTime()) {
      throw new BadRequestException("read_time (reads at a past time) is not supported");
    }
    MegaliteDatastore ds = projects.get(project);
    // Cloud Datastore transactions may span up to 25 entity groups without asking.
    MegaliteTransaction txn = ds.newTransaction(TransactionOptions.newBuilder()
        .crossGroup(true)
        .readOnly(pb.hasReadOnly())
        .deadline(TRANSACTION_DEADLINE)
        .build());
    return transactions.add(project, txn);
  }

  CommitResponse commit(CommitRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      String project = req.getProjectId();
      MegaliteDatastore ds = projects.get(project);
      Partition partition = Partition.of(project, PartitionId.getDefaultInstance());
      List<Write> writes = new ArrayList<>(req.getMutationsCount());
      List<Boolean> allocates = new ArrayList<>(req.getMutationsCount());
      for (com.google.datastore.v1.Mutation m : req.getMutationsList()) {
        writes.add(write(m, partition, allocates));
      }
      List<WriteResult> results;
      boolean transactional = req.getMode() != CommitRequest.Mode.NON_TRANSACTIONAL;
      if (req.getTransactionSelectorCase() == CommitRequest.TransactionSelectorCase.TRANSACTION) {
        if (!transactional) {
          throw new BadRequestException("a NON_TRANSACTIONAL commit cannot name a transaction");
        }
        results = transactions.get(project, req.getTransaction()).commit(writes);
        transactions.ended(req.getTransaction());
      } else if (req.getTransactionSelectorCase()
          == CommitRequest.TransactionSelectorCase.SINGLE_USE_TRANSACTION) {
        ByteString handle = begin(project, req.getSingleUseTransaction());
        try {
          results = transactions.get(project, handle).commit(writes);
        } finally {
          transactions.rollback(project, handle);
        }
      } else if (transactional) {
        throw new BadRequestException("a TRANSACTIONAL commit needs a transaction");
      } else {
        results = ds.commit(writes);
      }
      CommitResponse.Builder out = CommitResponse.newBuilder().setCommitTime(now());
      for (int i = 0; i < results.size(); i++) {
        WriteResult r = results.get(i);
        MutationResult.Builder mr = MutationResult.newBuilder()
            .setVersion(r.version())
            .setConflictDetected(r.conflictDetected());
        if (allocates.get(i)) {
          mr.setKey(EntityProtos.toProto(r.key()));
        }
        out.addMutationResults(mr);
      }
      return out.build();
    });
  }

  private static Write write(
      com.google.datastore.v1.Mutation m, Partition partition, List<Boolean> allocates) {
    if (m.hasPropertyMask()) {
      throw new BadRequestException("property_mask (partial updates) is not supported");
    }
    if (m.getPropertyTransformsCount() > 0) {
      throw new BadRequestException("property_transforms are not supported");
    }
    if (m.hasUpdateTime()) {
      throw new BadRequestException(
          "conflict detection by update_time is not supported; use base_version");
    }
    Write w = switch (m.getOperationCase()) {
      case INSERT -> Write.insert(EntityProtos.entity(m.getInsert(), partition));
      case UPDATE -> Write.update(EntityProtos.entity(m.getUpdate(), partition));
      case UPSERT -> Write.upsert(EntityProtos.entity(m.getUpsert(), partition));
      case DELETE -> Write.delete(EntityProtos.key(m.getDelete(), partition, "delete"));
      default -> throw new BadRequestException("a mutation has no operation");
    };
    allocates.add(w.entity() != null && w.entity().key() instanceof IncompleteKey);
    return m.hasBaseVersion() ? w.ifVersion(m.getBaseVersion()) : w;
  }

  RollbackResponse rollback(RollbackRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      transactions.rollback(req.getProjectId(), req.getTransaction());
      return RollbackResponse.getDefaultInstance();
    });
  }

  AllocateIdsResponse allocateIds(AllocateIdsRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      MegaliteDatastore ds = projects.get(req.getProjectId());
      Partition partition = Partition.of(req.getProjectId(), PartitionId.getDefaultInstance());
      AllocateIdsResponse.Builder out = AllocateIdsResponse.newBuilder();
      for (com.google.datastore.v1.Key k : req.getKeysList()) {
        if (!(EntityProtos.baseKey(k, partition) instanceof IncompleteKey ik)) {
          throw new BadRequestException("allocateIds needs incomplete keys; a key has an id or name");
        }
        out.addKeys(EntityProtos.toProto(ds.allocateIds(ik, 1).get(0)));
      }
      return out.build();
    });
  }

  ReserveIdsResponse reserveIds(ReserveIdsRequest req) {
    return projects.run(() -> {
      checkDatabase(req.getDatabaseId());
      MegaliteDatastore ds = projects.get(req.getProjectId());
      Partition partition = Partition.of(req.getProjectId(), PartitionId.getDefaultInstance());
      List<Key> keys = new ArrayList<>(req.getKeysCount());
      for (com.google.datastore.v1.Key k : req.getKeysList()) {
        keys.add(EntityProtos.key(k, partition, "reserveIds"));
      }
      ds.reserveIds(keys);
      return ReserveIdsResponse.getDefaultInstance();
    });
  }

  /** Where a read goes: a datastore, and the transaction it reads in, if any. */
  private record Reader(MegaliteDatastore ds, MegaliteTransaction txn) {}

  private Reader reader(String project, ReadOptions options,
      java.util.function.Consumer<ByteString> newTransaction) {
    MegaliteDatastore ds = projects.get(project);
    switch (options.getConsistencyTypeCase()) {
      case TRANSACTION -> {
        return new Reader(ds, transactions.get(project, options.getTransaction()));
      }
      case NEW_TRANSACTION -> {
        ByteString handle = begin(project, options.getNewTransaction());
        newTransaction.accept(handle);
        return new Reader(ds, transactions.get(project, handle));
      }
      case READ_TIME -> throw new BadRequestException(
          "read_time (reads at a past time) is not supported");
      default -> {
        return new Reader(ds, null);
      }
    }
  }

  private static void checkDatabase(String databaseId) {
    if (!databaseId.isEmpty()) {
      throw new BadRequestException(
          "named databases are not supported; database '" + databaseId + "' was given");
    }
  }

  private static Timestamp now() {
    Instant t = Instant.now();
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
