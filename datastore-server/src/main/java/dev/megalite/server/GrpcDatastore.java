package dev.megalite.server;

import com.google.datastore.v1.AllocateIdsRequest;
import com.google.datastore.v1.AllocateIdsResponse;
import com.google.datastore.v1.BeginTransactionRequest;
import com.google.datastore.v1.BeginTransactionResponse;
import com.google.datastore.v1.CommitRequest;
import com.google.datastore.v1.CommitResponse;
import com.google.datastore.v1.DatastoreGrpc;
import com.google.datastore.v1.LookupRequest;
import com.google.datastore.v1.LookupResponse;
import com.google.datastore.v1.ReserveIdsRequest;
import com.google.datastore.v1.ReserveIdsResponse;
import com.google.datastore.v1.RollbackRequest;
import com.google.datastore.v1.RollbackResponse;
import com.google.datastore.v1.RunAggregationQueryRequest;
import com.google.datastore.v1.RunAggregationQueryResponse;
import com.google.datastore.v1.RunQueryRequest;
import com.google.datastore.v1.RunQueryResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** {@code google.datastore.v1.Datastore} over gRPC: each call answered by {@link DatastoreApi}. */
final class GrpcDatastore extends DatastoreGrpc.DatastoreImplBase {
  private final DatastoreApi api;
  private final LongAdder calls = new LongAdder();

  GrpcDatastore(DatastoreApi api) {
    this.api = api;
  }

  /** How many calls arrived over gRPC, answered or failed: tests see which transport was used. */
  long calls() {
    return calls.sum();
  }

  private <Q, R> void answer(Q request, Function<Q, R> method, StreamObserver<R> out) {
    calls.increment();
    R response;
    try {
      response = method.apply(request);
    } catch (Throwable t) {
      out.onError(Errors.status(t).asRuntimeException());
      return;
    }
    out.onNext(response);
    out.onCompleted();
  }

  @Override
  public void lookup(LookupRequest request, StreamObserver<LookupResponse> out) {
    answer(request, api::lookup, out);
  }

  @Override
  public void runQuery(RunQueryRequest request, StreamObserver<RunQueryResponse> out) {
    answer(request, api::runQuery, out);
  }

  @Override
  public void runAggregationQuery(
      RunAggregationQueryRequest request, StreamObserver<RunAggregationQueryResponse> out) {
    answer(request, api::runAggregationQuery, out);
  }

  @Override
  public void beginTransaction(
      BeginTransactionRequest request, StreamObserver<BeginTransactionResponse> out) {
    answer(request, api::beginTransaction, out);
  }

  @Override
  public void commit(CommitRequest request, StreamObserver<CommitResponse> out) {
    answer(request, api::commit, out);
  }

  @Override
  public void rollback(RollbackRequest request, StreamObserver<RollbackResponse> out) {
    answer(request, api::rollback, out);
  }

  @Override
  public void allocateIds(AllocateIdsRequest request, StreamObserver<AllocateIdsResponse> out) {
    answer(request, api::allocateIds, out);
  }

  @Override
  public void reserveIds(ReserveIdsRequest request, StreamObserver<ReserveIdsResponse> out) {
    answer(request, api::reserveIds, out);
  }
}
