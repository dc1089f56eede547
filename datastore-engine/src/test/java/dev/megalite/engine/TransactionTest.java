package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.megalite.api.BaseKey;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.TransactionClosedException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entity-group transactions as App Engine had them: snapshot reads, optimistic concurrency per
 * group, cross-group limits, read-only and expiring transactions, and {@code runInTransaction}'s
 * retries. Subclasses supply the key-value store.
 */
abstract class TransactionTest {
  private static final TransactionOptions XG =
      TransactionOptions.newBuilder().crossGroup(true).build();

  private final List<MegaliteDatastore> stores = new ArrayList<>();
  protected MegaliteDatastore ds;

  /** A new, empty store with {@code options}; the test closes it. */
  protected abstract MegaliteDatastore open(MegaliteOptions.Builder options);

  @BeforeEach
  void openStore() {
    ds = open(MegaliteOptions.newBuilder());
    stores.add(ds);
  }

  @AfterEach
  void closeStores() {
    stores.forEach(MegaliteDatastore::close);
  }

  // Snapshot reads.

  @Test
  void readsSeeTheSnapshotTakenAtTheFirstRead() {
    Key account = ds.newKey("Account", 1);
    Key entry = account.child("Entry", 1);
    ds.put(counter(account, 10));

    try (Transaction txn = ds.newTransaction()) {
      assertThat(txn.get(account).getLong("n")).isEqualTo(10);

      ds.put(counter(account, 11));
      ds.put(counter(entry, 1));

      assertThat(txn.get(account).getLong("n")).isEqualTo(10);
      assertThat(txn.get(entry)).isNull();
      assertThat(txn.get(List.of(entry, account))).containsExactly(null, counter(account, 10));
    }
    assertThat(ds.get(account).getLong("n")).isEqualTo(11);
  }

  @Test
  void theSnapshotIsTakenAtTheFirstReadNotWhenTheTransactionBegins() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));

    try (Transaction txn = ds.newTransaction()) {
      ds.put(counter(account, 11));

      assertThat(txn.get(account).getLong("n")).isEqualTo(11);
      txn.put(counter(account, 12));
      assertThat(txn.commit()).containsExactly(account);
    }
    assertThat(ds.get(account).getLong("n")).isEqualTo(12);
  }

  @Test
  void aTransactionDoesNotSeeItsOwnUncommittedWrites() {
    Key account = ds.newKey("Account", 1);
    Key entry = account.child("Entry", 1);
    Key other = account.child("Entry", 2);
    ds.put(counter(account, 10));
    ds.put(counter(other, 5));

    try (Transaction txn = ds.newTransaction()) {
      txn.put(counter(account, 20));
      txn.put(counter(entry, 1));
      txn.delete(other);

      assertThat(txn.get(account).getLong("n")).isEqualTo(10);
      assertThat(txn.get(entry)).isNull();
      assertThat(txn.get(other)).isEqualTo(counter(other, 5));
      assertThat(runAll(txn, Query.newBuilder("Entry").ancestor(account).build()))
          .containsExactly(counter(other, 5));
      assertThat(ds.get(account).getLong("n")).isEqualTo(10);

      txn.commit();
    }
    assertThat(ds.get(account).getLong("n")).isEqualTo(20);
    assertThat(ds.get(entry)).isEqualTo(counter(entry, 1));
    assertThat(ds.get(other)).isNull();
  }

  // Commit and rollback.

  @Test
  void commitAppliesEveryWriteAtOnceAndQueriesAndIndexesReflectThem() {
    Key a = ds.newKey("Account", "a");
    Key b = ds.newKey("Account", "b");
    ds.put(List.of(
        Entity.newBuilder(a).set("owner", "ada").set("n", 1).build(),
        Entity.newBuilder(a.child("Entry", 1)).set("amount", 5).set("tag", "old").build(),
        Entity.newBuilder(b).set("owner", "bob").set("n", 2).build()));

    try (Transaction txn = ds.newTransaction(XG)) {
      txn.get(a);
      txn.put(Entity.newBuilder(a).set("owner", "ada").set("n", 100).build());
      txn.put(Entity.newBuilder(a.child("Entry", 2)).set("amount", 7).set("tag", "new").build());
      txn.delete(a.child("Entry", 1));
      txn.put(Entity.newBuilder(b).set("owner", "carl").set("n", 2).build());

      assertThat(runKeys(Query.newBuilder("Account").filter(Filter.eq("n", 100)).build()))
          .isEmpty();
      assertThat(runKeys(Query.newBuilder("Entry").build())).containsExactly(a.child("Entry", 1));

      txn.commit();
    }

    assertThat(runKeys(Query.newBuilder("Account").filter(Filter.eq("n", 100)).build()))
        .containsExactly(a);
    assertThat(runKeys(Query.newBuilder("Account").filter(Filter.eq("owner", "bob")).build()))
        .isEmpty();
    assertThat(runKeys(Query.newBuilder("Account").filter(Filter.eq("owner", "carl")).build()))
        .containsExactly(b);
    assertThat(runKeys(Query.newBuilder("Entry").filter(Filter.eq("tag", "old")).build()))
        .isEmpty();
    assertThat(runKeys(Query.newBuilder("Entry").ancestor(a).build()))
        .containsExactly(a.child("Entry", 2));
    assertConsistent();
  }

  @Test
  void rollbackDiscardsEveryWrite() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));

    Transaction txn = ds.newTransaction();
    txn.put(counter(account, 20));
    txn.put(counter(account.child("Entry", 1), 1));
    txn.rollback();

    assertThat(txn.isActive()).isFalse();
    assertThat(ds.get(account).getLong("n")).isEqualTo(10);
    assertThat(ds.get(account.child("Entry", 1))).isNull();
    txn.rollback();
    txn.close();
    assertConsistent();
  }

  @Test
  void closingAnActiveTransactionRollsItBack() {
    Key account = ds.newKey("Account", 1);
    try (Transaction txn = ds.newTransaction()) {
      txn.put(counter(account, 20));
    }
    assertThat(ds.get(account)).isNull();
  }

  // Conflicts.

  /** A write that another client makes to entity group {@code Account:1} meanwhile. */
  enum Interference {
    NON_TRANSACTIONAL_PUT(ds -> ds.put(counter(ds.newKey("Account", 1), 99))),
    NON_TRANSACTIONAL_PUT_OF_ANOTHER_ENTITY_IN_THE_GROUP(
        ds -> ds.put(counter(ds.newKey("Account", 1).child("Entry", 9), 99))),
    NON_TRANSACTIONAL_DELETE(ds -> ds.delete(ds.newKey("Account", 1))),
    TRANSACTIONAL_PUT(
        ds -> ds.runInTransaction(t -> t.put(counter(ds.newKey("Account", 1), 99)))),
    TRANSACTIONAL_READ_THEN_PUT(
        ds -> ds.runInTransaction(t -> {
          t.get(ds.newKey("Account", 1));
          return t.put(counter(ds.newKey("Account", 1).child("Entry", 9), 99));
        }));

    final Consumer<MegaliteDatastore> write;

    Interference(Consumer<MegaliteDatastore> write) {
      this.write = write;
    }
  }

  @ParameterizedTest
  @EnumSource(Interference.class)
  void aTransactionThatReadAGroupFailsOnCommitIfAnotherCommitWroteTheGroupMeanwhile(
      Interference interference) {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));
    Transaction txn = ds.newTransaction();
    long n = txn.get(account).getLong("n");
    txn.put(counter(account, n + 1));
    txn.put(counter(account.child("Entry", 1), 1));

    interference.write.accept(ds);
    List<Entity> after = everything();

    assertThatThrownBy(txn::commit)
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageStartingWith(ConcurrentModificationException.MESSAGE);
    assertThat(txn.isActive()).isFalse();
    assertThat(everything()).isEqualTo(after);
    assertConsistent();
  }

  @Test
  void aNonTransactionalPutConflictsWithATransactionExactlyLikeATransactionalOne() {
    Throwable byNonTransactional = conflictCausedBy(Interference.NON_TRANSACTIONAL_PUT);
    Throwable byTransactional = conflictCausedBy(Interference.TRANSACTIONAL_PUT);

    assertThat(byNonTransactional).isInstanceOf(ConcurrentModificationException.class);
    assertThat(byNonTransactional.getClass()).isEqualTo(byTransactional.getClass());
    assertThat(byNonTransactional.getMessage()).isEqualTo(byTransactional.getMessage());
  }

  private Throwable conflictCausedBy(Interference interference) {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));
    try (Transaction txn = ds.newTransaction()) {
      txn.get(account);
      txn.put(counter(account, 11));
      interference.write.accept(ds);
      Throwable thrown = catchThrowable(txn::commit);
      assertThat(ds.get(account).getLong("n")).isEqualTo(99);
      return thrown;
    }
  }

  @Test
  void aConflictingCrossGroupTransactionWritesNothingInAnyGroup() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    Key c = ds.newKey("Account", 3);
    ds.put(List.of(counter(a, 1), counter(b, 2)));

    Transaction txn = ds.newTransaction(XG);
    txn.get(List.of(a, b));
    txn.put(counter(b, 20));
    txn.put(counter(c, 30));
    txn.put(counter(b.child("Entry", 1), 1));
    txn.delete(b);
    txn.put(counter(a, 10));

    ds.put(counter(a.child("Entry", 1), 7));
    List<Entity> after = everything();

    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);
    assertThat(everything()).isEqualTo(after);
    assertThat(ds.get(List.of(a, b, c))).containsExactly(counter(a, 1), counter(b, 2), null);
    assertConsistent();
  }

  @Test
  void aBlindWriteConflictsWithACommitToItsGroupAfterTheSnapshot() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));

    Transaction txn = ds.newTransaction();
    txn.put(counter(account.child("Entry", 1), 1));
    ds.put(counter(account, 11));

    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);
    assertThat(ds.get(account.child("Entry", 1))).isNull();
  }

  @Test
  void aBlindWriteToAGroupFirstTouchedAfterAnotherCommitChangedItStillConflicts() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 1), counter(b, 2)));

    Transaction txn = ds.newTransaction(XG);
    txn.get(a); // the snapshot is taken here
    ds.put(counter(b, 3)); // after the snapshot, before the transaction touches b
    txn.put(counter(b.child("Entry", 1), 1)); // blind: b is never read

    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);
    assertThat(ds.get(b.child("Entry", 1))).isNull();
    assertThat(ds.get(b).getLong("n")).isEqualTo(3);
  }

  @Test
  void ofTwoTransactionsThatReadTheSameGroupOnlyTheFirstToCommitSucceeds() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));
    Transaction first = ds.newTransaction();
    Transaction second = ds.newTransaction();
    first.put(counter(account, first.get(account).getLong("n") + 1));
    second.put(counter(account, second.get(account).getLong("n") + 1));

    first.commit();

    assertThatThrownBy(second::commit).isInstanceOf(ConcurrentModificationException.class);
    assertThat(ds.get(account).getLong("n")).isEqualTo(11);
  }

  @Test
  void aCommitToAnotherGroupDoesNotConflict() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 1), counter(b, 2)));

    try (Transaction txn = ds.newTransaction()) {
      txn.put(counter(a, txn.get(a).getLong("n") + 1));
      ds.put(counter(b, 3));
      ds.put(counter(ds.newKey("Other", 1).child("Account", 1), 3));
      txn.commit();
    }
    assertThat(ds.get(a).getLong("n")).isEqualTo(2);
  }

  // Entity groups.

  @Test
  void aSecondEntityGroupWithoutCrossGroupIsABadRequest() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    List<ThrowingCallable> secondGroup;
    try (Transaction txn = ds.newTransaction()) {
      txn.get(a);
      txn.get(a.child("Entry", 1)); // a descendant is the same group
      secondGroup = List.of(
          () -> txn.get(b),
          () -> txn.get(List.of(a, b)),
          () -> txn.put(counter(b, 1)),
          () -> txn.put(Entity.newBuilder(ds.newIncompleteKey("Account")).build()),
          () -> txn.delete(b.child("Entry", 1)),
          () -> txn.run(Query.newBuilder("Entry").ancestor(b).build()));
      for (ThrowingCallable call : secondGroup) {
        assertThatThrownBy(call)
            .isInstanceOf(BadRequestException.class)
            .hasMessageContaining("cross-group");
      }
    }
  }

  @Test
  void aCrossGroupTransactionSpansTwentyFiveGroups() {
    List<Entity> puts = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      puts.add(counter(ds.newKey("Account", i), i));
    }
    try (Transaction txn = ds.newTransaction(XG)) {
      assertThat(txn.get(keys(puts))).hasSize(25).containsOnlyNulls();
      txn.put(puts);
      assertThat(txn.commit()).isEqualTo(keys(puts));
    }
    assertThat(ds.get(keys(puts))).isEqualTo(puts);
  }

  @Test
  void aCrossGroupTransactionRefusesATwentySixthGroup() {
    try (Transaction txn = ds.newTransaction(XG)) {
      for (int i = 1; i <= 25; i++) {
        txn.get(ds.newKey("Account", i));
      }
      assertThatThrownBy(() -> txn.put(counter(ds.newKey("Account", 26), 1)))
          .isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.allowed()).isEqualTo(25);
            assertThat(e.actual()).isEqualTo(26);
            assertThat(e.getMessage()).contains("25", "26");
          });
      assertThatThrownBy(() -> txn.get(ds.newKey("Account", 27)))
          .isInstanceOf(LimitExceededException.class);
    }
  }

  // Queries.

  @Test
  void aQueryWithoutAnAncestorIsABadRequestInsideATransaction() {
    try (Transaction txn = ds.newTransaction()) {
      assertThatThrownBy(() -> txn.run(Query.newBuilder("Account").build()))
          .isInstanceOf(BadRequestException.class)
          .hasMessage("Only ancestor queries are allowed inside transactions.");
    }
  }

  @Test
  void ancestorQueriesInsideATransactionReadTheSnapshot() {
    Key account = ds.newKey("Account", 1);
    ds.put(List.of(
        counter(account, 0),
        counter(account.child("Entry", 1), 1),
        counter(account.child("Entry", 2), 2)));
    Query entries = Query.newBuilder("Entry").ancestor(account).build();
    Query large = Query.newBuilder("Entry").ancestor(account).filter(Filter.eq("n", 3)).build();

    try (Transaction txn = ds.newTransaction()) {
      List<Entity> before = runAll(txn, entries);
      assertThat(keys(before))
          .containsExactly(account.child("Entry", 1), account.child("Entry", 2));

      ds.put(counter(account.child("Entry", 3), 3));
      ds.put(counter(account.child("Entry", 1), 3));
      ds.delete(account.child("Entry", 2));

      assertThat(runAll(txn, entries)).isEqualTo(before);
      assertThat(runAll(txn, large)).isEmpty();
      assertThat(txn.get(account.child("Entry", 3))).isNull();
    }
    assertThat(runKeys(large))
        .containsExactly(account.child("Entry", 1), account.child("Entry", 3));
  }

  @Test
  void anAncestorQueryCountsAsAReadOfItsGroup() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 0));
    Transaction txn = ds.newTransaction();
    runAll(txn, Query.newBuilder("Entry").ancestor(account).build());
    txn.put(counter(account.child("Entry", 1), 1));

    ds.put(counter(account.child("Entry", 2), 2));

    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);
  }

  // Read-only transactions.

  @Test
  void aReadOnlyTransactionRefusesPutAndDelete() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 10));
    TransactionOptions readOnly = TransactionOptions.newBuilder().readOnly(true).build();

    try (Transaction txn = ds.newTransaction(readOnly)) {
      assertThat(txn.get(account).getLong("n")).isEqualTo(10);
      assertThatThrownBy(() -> txn.put(counter(account, 11)))
          .isInstanceOf(BadRequestException.class);
      assertThatThrownBy(() -> txn.put(List.of(counter(account, 11))))
          .isInstanceOf(BadRequestException.class);
      assertThatThrownBy(() -> txn.delete(account)).isInstanceOf(BadRequestException.class);
      assertThatThrownBy(() -> txn.delete(List.of(account)))
          .isInstanceOf(BadRequestException.class);
      assertThat(txn.commit()).isEmpty();
    }
    assertThat(ds.get(account).getLong("n")).isEqualTo(10);
  }

  @Test
  void aReadOnlyTransactionNeverConflicts() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 1), counter(b, 2)));
    TransactionOptions readOnlyXg = XG.toBuilder().readOnly(true).build();

    Transaction txn = ds.newTransaction(readOnlyXg);
    assertThat(txn.get(a).getLong("n")).isEqualTo(1);
    ds.put(counter(a, 10));
    ds.put(counter(b, 20));
    assertThat(txn.get(b).getLong("n")).isEqualTo(2);
    assertThat(runAll(txn, Query.newBuilder("Account").ancestor(a).build()))
        .containsExactly(counter(a, 1));

    assertThat(txn.commit()).isEmpty();
    assertThat(txn.isActive()).isFalse();
  }

  // Closed and expired transactions.

  @Test
  void aCommittedTransactionCannotBeUsedAgain() {
    Key account = ds.newKey("Account", 1);
    Transaction txn = ds.newTransaction();
    txn.put(counter(account, 1));
    txn.commit();

    assertThat(txn.isActive()).isFalse();
    assertEveryUseIsClosed(txn, account, "committed");
    txn.rollback(); // a no-op after commit
    txn.close();
    assertThat(ds.get(account)).isEqualTo(counter(account, 1));
  }

  @Test
  void aRolledBackTransactionCannotBeUsedAgain() {
    Key account = ds.newKey("Account", 1);
    Transaction txn = ds.newTransaction();
    txn.put(counter(account, 1));
    txn.rollback();

    assertEveryUseIsClosed(txn, account, "rolled back");
    assertThat(ds.get(account)).isNull();
  }

  @Test
  void aTransactionThatFailedWithAConflictCannotBeUsedAgain() {
    Key account = ds.newKey("Account", 1);
    Transaction txn = ds.newTransaction();
    txn.get(account);
    txn.put(counter(account, 1));
    ds.put(counter(account, 5));
    assertThatThrownBy(txn::commit).isInstanceOf(ConcurrentModificationException.class);

    assertEveryUseIsClosed(txn, account, "rolled back");
  }

  @Test
  void anExpiredTransactionIsClosed() throws InterruptedException {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account, 1));
    TransactionOptions brief = deadline(Duration.ofMillis(20));
    Transaction txn = ds.newTransaction(brief);
    txn.get(account);
    txn.put(counter(account, 2));

    Thread.sleep(200);

    assertThat(txn.isActive()).isFalse();
    assertEveryUseIsClosed(txn, account, "expired");
    assertThat(ds.get(account).getLong("n")).isEqualTo(1);
  }

  @Test
  void anUnusedTransactionExpiresToo() throws InterruptedException {
    TransactionOptions brief = deadline(Duration.ofMillis(5));
    Transaction txn = ds.newTransaction(brief);

    Thread.sleep(100);

    assertThatThrownBy(() -> txn.get(ds.newKey("Account", 1)))
        .isInstanceOf(TransactionClosedException.class)
        .hasMessageContaining("expired");
    assertThat(txn.isActive()).isFalse();
  }

  private void assertEveryUseIsClosed(Transaction txn, Key key, String why) {
    List<ThrowingCallable> uses = List.of(
        () -> txn.get(key),
        () -> txn.get(List.of(key)),
        () -> txn.put(counter(key, 3)),
        () -> txn.put(List.of(counter(key, 3))),
        () -> txn.delete(key),
        () -> txn.delete(List.of(key)),
        () -> txn.run(Query.newBuilder("Entry").ancestor(key).build()),
        txn::commit);
    for (ThrowingCallable use : uses) {
      assertThatThrownBy(use)
          .isInstanceOf(TransactionClosedException.class)
          .hasMessageContaining(why);
    }
    assertThat(txn.isActive()).isFalse();
  }

  // Ids.

  @Test
  void incompleteKeysGetIdsAtPutAndCommitReturnsThePutKeysInPutOrder() {
    Key account = ds.newKey("Account", 1);
    ds.put(counter(account.child("Entry", 5), 5));
    List<Key> committed;
    Entity first;
    List<Entity> more;
    try (Transaction txn = ds.newTransaction()) {
      first = txn.put(counter(account.newChild("Entry"), 1));
      assertThat(first.completeKey().hasId()).isTrue();
      assertThat(first.completeKey().id()).isPositive();
      assertThat(first.completeKey().parent()).isEqualTo(account);

      txn.put(counter(account, 0));
      more = txn.put(List.of(
          counter(account.newChild("Entry"), 2), counter(account.newChild("Entry"), 3)));
      txn.delete(account.child("Entry", 5));
      committed = txn.commit();
    }

    Key second = more.get(0).completeKey();
    Key third = more.get(1).completeKey();
    assertThat(List.of(first.completeKey(), second, third)).doesNotHaveDuplicates();
    assertThat(committed).containsExactly(first.completeKey(), account, second, third);
    assertThat(ds.get(committed))
        .containsExactly(counter(first.completeKey(), 1), counter(account, 0), counter(second, 2),
            counter(third, 3));
    assertThat(ds.get(account.child("Entry", 5))).isNull();
  }

  @Test
  void anIncompleteRootKeyStartsItsOwnGroup() {
    try (Transaction txn = ds.newTransaction()) {
      Key key = txn.put(counter(ds.newIncompleteKey("Account"), 1)).completeKey();
      assertThat(key.hasId()).isTrue();
      assertThat(txn.commit()).containsExactly(key);
      assertThat(ds.get(key)).isEqualTo(counter(key, 1));
    }
  }

  // runInTransaction.

  @Test
  void runInTransactionRetriesOnConcurrentModificationAndReturnsTheWorksResult() {
    Key counter = ds.newKey("Counter", 1);
    ds.put(counter(counter, 0));
    AtomicInteger attempts = new AtomicInteger();

    String result = ds.runInTransaction(txn -> {
      int attempt = attempts.incrementAndGet();
      long n = txn.get(counter).getLong("n");
      if (attempt <= 2) {
        ds.put(counter(counter, 100 * attempt)); // conflicts on purpose
      }
      txn.put(counter(counter, n + 1));
      return "attempt " + attempt + " read " + n;
    });

    assertThat(result).isEqualTo("attempt 3 read 200");
    assertThat(attempts).hasValue(3);
    assertThat(ds.get(counter).getLong("n")).isEqualTo(201);
    assertConsistent();
  }

  @Test
  void runInTransactionGivesUpAfterItsRetriesAndRethrowsTheConflict() {
    Key counter = ds.newKey("Counter", 1);
    ds.put(counter(counter, 0));
    AtomicInteger attempts = new AtomicInteger();
    TransactionOptions twoRetries = TransactionOptions.newBuilder().retries(2).build();

    assertThatThrownBy(() ->
            ds.runInTransaction(twoRetries, txn -> alwaysConflicting(txn, counter, attempts)))
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessageStartingWith(ConcurrentModificationException.MESSAGE);

    assertThat(attempts).hasValue(3);
    assertThat(ds.get(counter).getLong("n")).isEqualTo(-3);
  }

  @Test
  void runInTransactionRetriesThreeTimesByDefault() {
    Key counter = ds.newKey("Counter", 1);
    ds.put(counter(counter, 0));
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> ds.runInTransaction(txn -> alwaysConflicting(txn, counter, attempts)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(attempts).hasValue(4);
  }

  @Test
  void runInTransactionWithNoRetriesRunsTheWorkOnce() {
    Key counter = ds.newKey("Counter", 1);
    ds.put(counter(counter, 0));
    AtomicInteger attempts = new AtomicInteger();
    TransactionOptions noRetries = TransactionOptions.newBuilder().retries(0).build();

    assertThatThrownBy(() ->
            ds.runInTransaction(noRetries, txn -> alwaysConflicting(txn, counter, attempts)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(attempts).hasValue(1);
  }

  private Entity alwaysConflicting(Transaction txn, Key counter, AtomicInteger attempts) {
    int attempt = attempts.incrementAndGet();
    long n = txn.get(counter).getLong("n");
    ds.put(counter(counter, -attempt));
    return txn.put(counter(counter, n + 1));
  }

  @Test
  void runInTransactionNeverRetriesOtherExceptions() {
    Key counter = ds.newKey("Counter", 1);
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException failure = new IllegalStateException("the work failed");

    assertThatThrownBy(() -> ds.runInTransaction(txn -> {
      attempts.incrementAndGet();
      txn.put(counter(counter, 1));
      throw failure;
    })).isSameAs(failure);

    assertThat(attempts).hasValue(1);
    assertThat(ds.get(counter)).isNull();
  }

  @Test
  void runInTransactionNeverRetriesABadRequest() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> ds.runInTransaction(txn -> {
      attempts.incrementAndGet();
      return txn.run(Query.newBuilder("Counter").build());
    })).isInstanceOf(BadRequestException.class);

    assertThat(attempts).hasValue(1);
  }

  @Test
  void runInTransactionCommitsCrossGroupWorkWhenAskedTo() {
    Key a = ds.newKey("Account", 1);
    Key b = ds.newKey("Account", 2);
    ds.put(List.of(counter(a, 10), counter(b, 0)));

    long moved = ds.runInTransaction(XG, txn -> {
      long n = txn.get(a).getLong("n");
      txn.put(counter(a, 0));
      txn.put(counter(b, txn.get(b).getLong("n") + n));
      return n;
    });

    assertThat(moved).isEqualTo(10);
    assertThat(ds.get(List.of(a, b))).containsExactly(counter(a, 0), counter(b, 10));
  }

  @Test
  void runInTransactionFailsWhenItsTransactionExpiresDuringTheWork() {
    Key counter = ds.newKey("Counter", 1);
    TransactionOptions brief = deadline(Duration.ofMillis(20));

    assertThatThrownBy(() -> ds.runInTransaction(brief, txn -> {
      txn.put(counter(counter, 1));
      sleep(200);
      return "done";
    })).isInstanceOf(TransactionClosedException.class).hasMessageContaining("expired");

    assertThat(ds.get(counter)).isNull();
  }

  // Helpers.

  static Entity counter(BaseKey key, long n) {
    return Entity.newBuilder(key).set("n", n).build();
  }

  private static TransactionOptions deadline(Duration deadline) {
    return TransactionOptions.newBuilder().deadline(deadline).build();
  }

  static List<Key> keys(List<Entity> entities) {
    return entities.stream().map(Entity::completeKey).toList();
  }

  static List<Entity> runAll(Transaction txn, Query q) {
    try (QueryResults<Entity> r = txn.run(q)) {
      List<Entity> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return out;
    }
  }

  private List<Key> runKeys(Query q) {
    try (QueryResults<Entity> r = ds.run(q)) {
      List<Key> out = new ArrayList<>();
      r.forEachRemaining(e -> out.add(e.completeKey()));
      return out;
    }
  }

  /** Every entity in the store, in key order. */
  private List<Entity> everything() {
    try (QueryResults<Entity> r = ds.run(Query.newBuilder().build())) {
      List<Entity> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return out;
    }
  }

  private void assertConsistent() {
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
