package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreException;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.KeyFactory;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.ReadOption;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import com.google.cloud.datastore.Transaction;
import com.google.datastore.v1.TransactionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions through the official Java client: commit and rollback, snapshot reads, contention
 * answered with ABORTED (which the client's own runInTransaction retries), read-only transactions.
 */
class JavaClientTransactionTest extends SharedServerTest {
  KeyFactory counters;

  @BeforeEach
  void keys() {
    counters = ds.newKeyFactory().setKind("Counter");
  }

  @Test
  void aCommittedTransactionWritesAndARolledBackOneDoesNot() {
    Key a = counters.newKey("commit");
    Key b = counters.newKey("rollback");
    Transaction t = ds.newTransaction();
    t.put(Entity.newBuilder(a).set("n", 1).build());
    t.commit();
    Transaction r = ds.newTransaction();
    r.put(Entity.newBuilder(b).set("n", 1).build());
    r.rollback();
    assertThat(ds.get(a).getLong("n")).isEqualTo(1);
    assertThat(ds.get(b)).isNull();
  }

  @Test
  void aConflictingCommitFailsWithAborted() {
    Key key = counters.newKey("conflict");
    ds.put(Entity.newBuilder(key).set("n", 0).build());
    Transaction t = ds.newTransaction();
    long seen = t.get(key).getLong("n");
    ds.put(Entity.newBuilder(key).set("n", 100).build());
    t.put(Entity.newBuilder(key).set("n", seen + 1).build());
    DatastoreException e = catchThrowableOfType(DatastoreException.class, t::commit);
    assertThat(e.getReason()).isEqualTo("ABORTED");
    assertThat(e.getCode()).isEqualTo(io.grpc.Status.Code.ABORTED.value());
    assertThat(ds.get(key).getLong("n")).isEqualTo(100);
  }

  @Test
  void concurrentIncrementsThroughRunInTransactionAllLand() throws Exception {
    Key key = counters.newKey("contended");
    ds.put(Entity.newBuilder(key).set("n", 0).build());
    int workers = 2;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        Datastore client = fixture.retryingClient();
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            client.runInTransaction(txn -> {
              Entity e = txn.get(key);
              txn.put(Entity.newBuilder(e).set("n", e.getLong("n") + 1).build());
              return null;
            }, TransactionOptions.newBuilder()
                .setReadWrite(TransactionOptions.ReadWrite.getDefaultInstance()).build());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ds.get(key).getLong("n")).isEqualTo(workers * each);
  }

  @Test
  void readsInATransactionSeeItsSnapshot() {
    Key key = counters.newKey("snapshot");
    ds.put(Entity.newBuilder(key).set("n", 1).build());
    Transaction t = ds.newTransaction();
    assertThat(t.get(key).getLong("n")).isEqualTo(1);
    ds.put(Entity.newBuilder(key).set("n", 2).build());
    assertThat(t.get(key).getLong("n")).isEqualTo(1);
    t.rollback();
  }

  @Test
  void anAncestorQueryRunsInATransactionAndAGlobalOneIsRejected() {
    Key parent = counters.newKey("parent");
    ds.put(Entity.newBuilder(parent).set("n", 1).build(),
        Entity.newBuilder(ds.newKeyFactory().setKind("Child").addAncestor(
            com.google.cloud.datastore.PathElement.of("Counter", "parent")).newKey("c")).set("n", 2).build());
    Transaction t = ds.newTransaction();
    List<Entity> got = new ArrayList<>();
    t.run(Query.newEntityQueryBuilder().setKind("Child")
        .setFilter(PropertyFilter.hasAncestor(parent)).build()).forEachRemaining(got::add);
    assertThat(got).hasSize(1);
    DatastoreException e = catchThrowableOfType(DatastoreException.class,
        () -> t.run(Query.newEntityQueryBuilder().setKind("Child").build()).hasNext());
    assertThat(e.getReason()).isEqualTo("INVALID_ARGUMENT");
    assertThat(e.getMessage()).contains("ancestor");
    t.rollback();
  }

  @Test
  void aReadOnlyTransactionCannotWrite() {
    Key key = counters.newKey("read-only");
    Transaction t = ds.newTransaction(TransactionOptions.newBuilder()
        .setReadOnly(TransactionOptions.ReadOnly.getDefaultInstance()).build());
    t.get(key);
    t.put(Entity.newBuilder(key).set("n", 1).build());
    DatastoreException e = catchThrowableOfType(DatastoreException.class, t::commit);
    assertThat(e.getReason()).isEqualTo("INVALID_ARGUMENT");
    assertThat(ds.get(key)).isNull();
  }

  @Test
  void eventualReadOptionStillReadsTheLatestEntity() {
    Key key = counters.newKey("eventual");
    ds.put(Entity.newBuilder(key).set("n", 3).build());
    assertThat(ds.get(key, ReadOption.eventualConsistency()).getLong("n")).isEqualTo(3);
  }
}
