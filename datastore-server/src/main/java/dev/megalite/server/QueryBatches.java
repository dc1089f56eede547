package dev.megalite.server;

import com.google.datastore.v1.EntityResult;
import com.google.datastore.v1.QueryResultBatch;
import com.google.protobuf.ByteString;
import dev.megalite.api.Entity;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteTransaction;
import dev.megalite.server.proto.EntityProtos;
import java.time.Instant;

/**
 * Runs a query and answers with one batch, as Cloud Datastore does: at most
 * {@link #MAX_RESULTS} results or about {@link #MAX_BYTES} bytes, each result with the cursor
 * after it; when more results remain the batch says NOT_FINISHED and clients continue from its end
 * cursor.
 */
final class QueryBatches {
  static final int MAX_RESULTS = 1_000;
  /** Below gRPC clients' default 4 MiB message limit. */
  static final int MAX_BYTES = 3 * 1024 * 1024;

  private QueryBatches() {}

  static QueryResultBatch run(MegaliteDatastore ds, MegaliteTransaction txn, Query query) {
    QueryResultBatch.Builder b = QueryResultBatch.newBuilder()
        .setEntityResultType(query.keysOnly() ? EntityResult.ResultType.KEY_ONLY
            : query.projection().isEmpty() ? EntityResult.ResultType.FULL
            : EntityResult.ResultType.PROJECTION);
    try (QueryResults<Entity> r = txn != null ? txn.run(query) : ds.run(query)) {
      boolean more = r.hasNext();
      if (r.skippedResults() > 0) {
        b.setSkippedResults(r.skippedResults()).setSkippedCursor(bytes(r.cursorAfter()));
      }
      int n = 0;
      long size = 0;
      ByteString last = null;
      while (more && n < MAX_RESULTS) {
        com.google.datastore.v1.Entity e = EntityProtos.toProto(r.next());
        ByteString cursor = bytes(r.cursorAfter());
        long grown = size + e.getSerializedSize() + cursor.size();
        if (n > 0 && grown > MAX_BYTES) {
          // Checked before adding: one more entity of up to 1 MiB could take the answer past
          // the 4 MiB a gRPC client takes. This one opens the next batch instead.
          break;
        }
        b.addEntityResults(EntityResult.newBuilder().setEntity(e).setCursor(cursor));
        size = grown;
        n++;
        last = cursor;
        more = r.hasNext();
      }
      Cursor end = r.cursorAfter();
      if (more && last != null) {
        b.setEndCursor(last);
      } else if (end != null) {
        b.setEndCursor(bytes(end));
      }
      b.setMoreResults(more ? QueryResultBatch.MoreResultsType.NOT_FINISHED
          : QueryResultBatch.MoreResultsType.valueOf(r.moreResults().name()));
    }
    Instant t = Instant.now();
    b.setReadTime(com.google.protobuf.Timestamp.newBuilder()
        .setSeconds(t.getEpochSecond()).setNanos(t.getNano()));
    return b.build();
  }

  private static ByteString bytes(Cursor c) {
    return c == null ? ByteString.EMPTY : ByteString.copyFrom(c.toByteArray());
  }
}
