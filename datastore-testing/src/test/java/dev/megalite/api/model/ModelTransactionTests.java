package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.engine.Megalite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Transactions in application code: put() and get() join the current one on their own. */
abstract class ModelTransactionTests {

  @dev.megalite.api.model.Entity
  static class Counter {
    @Id String name;
    long count;

    Counter() {}

    Counter(String name) {
      this.name = name;
    }
  }

  @dev.megalite.api.model.Entity
  static class Account extends Model<Account> {
    @Id String owner;
    long balance;

    Account() {}

    Account(String owner, long balance) {
      this.owner = owner;
      this.balance = balance;
    }
  }

  @dev.megalite.api.model.Entity
  record Entry(@Id Long id, @Parent Ref<Account> account, long amount) {}

  private static final TransactionOptions XG =
      TransactionOptions.newBuilder().crossGroup(true).build();

  @Test
  void putsInsideTheWorkAreWrittenWhenItReturns(Datastore ds) {
    Key key = Key.of(ds.projectId(), "Counter", "visits");

    Models.runInTransaction(() -> {
      Models.put(new Counter("visits"));
      assertThat(ds.get(key)).isNull();
    });

    assertThat(Models.get(Counter.class, "visits")).isNotNull();
  }

  @Test
  void anExceptionInTheWorkWritesNothing(Datastore ds) {
    assertThatThrownBy(() -> Models.runInTransaction(() -> {
      Models.put(new Counter("visits"));
      throw new IllegalStateException("changed my mind");
    })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

    assertThat(Models.get(Counter.class, "visits")).isNull();
    assertThat(Models.currentTransaction()).isNull();
  }

  @Test
  void getAndPutInsideTheWorkUseTheCurrentTransaction() {
    Models.put(new Counter("c"));

    Transaction seen = Models.runInTransaction(() -> {
      Counter c = Models.get(Counter.class, "c");
      c.count++;
      Models.put(c);
      return Models.currentTransaction();
    });

    assertThat(seen).isNotNull();
    assertThat(seen.isActive()).isFalse();
    assertThat(Models.currentTransaction()).isNull();
    assertThat(Models.get(Counter.class, "c").count).isEqualTo(1);
  }

  @Test
  void concurrentIncrementsAreRetriedAndNeverLost() throws Exception {
    Models.put(new Counter("hits"));
    TransactionOptions patient = TransactionOptions.newBuilder().retries(100).build();
    int threads = 4;
    int increments = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < increments; i++) {
            Models.runInTransaction(patient, () -> {
              Counter c = Models.get(Counter.class, "hits");
              c.count++;
              Models.put(c);
            });
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(Models.get(Counter.class, "hits").count).isEqualTo(threads * increments);
  }

  @Test
  void aCrossGroupTransferMovesMoneyAtomically() {
    new Account("alice", 100).put();
    new Account("bob", 50).put();

    transfer("alice", "bob", 30);
    assertThatThrownBy(() -> transfer("bob", "alice", 500))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bob has 80, not 500");

    assertThat(Models.get(Account.class, "alice").balance).isEqualTo(70);
    assertThat(Models.get(Account.class, "bob").balance).isEqualTo(80);
  }

  private static void transfer(String from, String to, long amount) {
    Models.runInTransaction(XG, () -> {
      Account a = Models.get(Account.class, from);
      Account b = Models.get(Account.class, to);
      a.balance -= amount;
      b.balance += amount;
      a.put();
      b.put();
      if (a.balance < 0) {
        throw new IllegalStateException(from + " has " + (a.balance + amount) + ", not " + amount);
      }
    });
  }

  @Test
  void aSingleGroupTransactionCannotWriteTwoGroups() {
    new Account("alice", 100).put();
    new Account("bob", 50).put();

    assertThatThrownBy(() -> Models.runInTransaction(() -> {
      Models.get(Account.class, "alice").put();
      Models.get(Account.class, "bob").put();
    }))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("crossGroup(true)");
  }

  @Test
  void megaliteRunInTransactionIsTheModelLayersTransaction() {
    Account alice = new Account("alice", 10);
    alice.put();

    long balance = Megalite.runInTransaction(() -> {
      Account a = Models.get(Account.class, "alice");
      a.balance += 5;
      a.put();
      return a.balance;
    });
    Megalite.runInTransaction(XG, () -> new Account("carol", 1).put());

    assertThat(balance).isEqualTo(15);
    assertThat(Models.get(Account.class, "alice").balance).isEqualTo(15);
    assertThat(Models.get(Account.class, "carol")).isNotNull();
  }

  @Test
  void aNestedRunInTransactionJoinsTheOuterOne() {
    List<Transaction> seen = new ArrayList<>();

    Models.runInTransaction(() -> {
      seen.add(Models.currentTransaction());
      Models.runInTransaction(() -> {
        seen.add(Models.currentTransaction());
      });
    });

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1)).isSameAs(seen.get(0));
  }

  @Test
  void idsAllocatedInsideATransactionAreUsableAfterItAndAncestorQueriesRunInIt() {
    Ref<Account> alice = new Account("alice", 0).put();

    List<Entry> stored = Models.runInTransaction(() -> List.of(
        Models.put(new Entry(null, alice, 5)), Models.put(new Entry(null, alice, 7))));
    long inside = Models.runInTransaction(() -> {
      Models.put(new Entry(null, alice, 100));
      return Models.query(Entry.class).ancestor(alice).fetch().stream()
          .mapToLong(Entry::amount).sum()
          + GqlQuery.of(Entry.class, "SELECT * FROM Entry WHERE ANCESTOR IS :1", alice).count();
    });

    assertThat(stored).allSatisfy(e -> assertThat(e.id()).isPositive());
    assertThat(Models.getAll(stored.stream().map(Models::ref).toList()))
        .containsExactlyElementsOf(stored);
    assertThat(inside).isEqualTo(12 + 2);
    assertThat(Models.query(Entry.class).ancestor(alice).count()).isEqualTo(3);
  }

  @Test
  void aQueryWithoutAncestorIsRefusedInsideATransaction() {
    assertThatThrownBy(() -> Models.runInTransaction(() -> Models.query(Account.class).fetch()))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("Only ancestor queries are allowed inside transactions.");
  }
}
