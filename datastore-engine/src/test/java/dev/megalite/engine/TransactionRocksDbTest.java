package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.ConcurrentModificationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction suite on RocksDB, plus what only a store on disk can show. */
class TransactionRocksDbTest extends TransactionTest {
  @TempDir Path tempDir;
  private int dirs;

  @Override
  protected MegaliteDatastore open(MegaliteOptions.Builder options) {
    return Megalite.open(options.dataDir(tempDir.resolve("db-" + ++dirs)).build());
  }

  private MegaliteDatastore reopen() {
    ds.close();
    return Megalite.open(tempDir.resolve("db-" + dirs));
  }

  @Test
  void aCommittedCrossGroupTransactionIsThereAfterReopening() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 10), counter(b, 0)));
    List<Key> put;
    Key entry;
    TransactionOptions xg = TransactionOptions.newBuilder().crossGroup(true).build();
    try (Transaction txn = ds.newTransaction(xg)) {
      txn.get(List.of(a, b));
      txn.put(counter(a, 4));
      txn.put(counter(b, 6));
      entry = txn.put(counter(b.newChild("Entry"), 6)).completeKey();
      put = txn.commit();
    }

    try (MegaliteDatastore again = reopen()) {
      assertThat(again.get(put)).containsExactly(counter(a, 4), counter(b, 6), counter(entry, 6));
      assertThat(again.checkConsistency().problems()).isEmpty();
    }
  }

  @Test
  void aConflictingTransactionLeavesNothingBehindAfterReopening() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 10), counter(b, 0)));
    Transaction txn = ds.newTransaction(TransactionOptions.newBuilder().crossGroup(true).build());
    txn.get(List.of(a, b));
    txn.put(List.of(counter(a, 4), counter(b, 6), counter(b.child("Entry", 1), 6)));
    ds.put(counter(b, 1));
    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);

    try (MegaliteDatastore again = reopen()) {
      assertThat(again.get(List.of(a, b, b.child("Entry", 1))))
          .containsExactly(counter(a, 10), counter(b, 1), null);
      assertThat(again.checkConsistency().problems()).isEmpty();
    }
  }

  @Test
  void aGroupWrittenBeforeReopeningStillConflictsAfterIt() {
    Key a = ds.newKey("Account", 1);
    ds.put(counter(a, 1));
    try (MegaliteDatastore again = reopen()) {
      Transaction txn = again.newTransaction();
      txn.put(counter(a, txn.get(a).getLong("n") + 1));
      again.put(counter(a, 7));

      assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);
      assertThat(again.get(a)).isEqualTo(Entity.newBuilder(a).set("n", 7).build());
    }
  }
}
