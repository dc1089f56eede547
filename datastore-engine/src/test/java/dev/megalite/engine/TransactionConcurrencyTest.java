package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.ConcurrentModificationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transactions under real contention, on both stores: no lost update, no money created or
 * destroyed, and a long reader is told when its snapshot went stale.
 */
class TransactionConcurrencyTest {
  private static final int THREADS = 8;
  private static final int INCREMENTS = 50;
  private static final int ACCOUNTS = 10;
  private static final long OPENING_BALANCE = 1_000;
  private static final int TRANSFER_THREADS = 6;
  private static final int TRANSFERS = 100;

  /** Retries high enough that contention alone never makes an increment give up. */
  private static final TransactionOptions PATIENT =
      TransactionOptions.newBuilder().retries(50).build();

  @TempDir Path tempDir;
  private final List<MegaliteDatastore> stores = new ArrayList<>();
  private ExecutorService pool;

  enum Store {
    IN_MEMORY,
    ROCKSDB
  }

  private MegaliteDatastore open(Store store) {
    MegaliteOptions.Builder options = MegaliteOptions.newBuilder();
    if (store == Store.ROCKSDB) {
      options.dataDir(tempDir.resolve("db"));
    }
    MegaliteDatastore ds = Megalite.open(options.build());
    stores.add(ds);
    return ds;
  }

  @AfterEach
  void shutDown() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    stores.forEach(MegaliteDatastore::close);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void concurrentIncrementsOfOneCounterLoseNoUpdate(Store store) throws Exception {
    MegaliteDatastore ds = open(store);
    Key counter = ds.newKey("Counter", "hits");
    ds.put(Entity.newBuilder(counter).set("n", 0).build());

    List<List<Long>> seen = runConcurrently(THREADS, thread -> {
      List<Long> values = new ArrayList<>();
      for (int i = 0; i < INCREMENTS; i++) {
        values.add(ds.runInTransaction(PATIENT, txn -> {
          long n = txn.get(counter).getLong("n") + 1;
          Thread.yield(); // widens the window between read and commit, so threads collide
          txn.put(Entity.newBuilder(counter).set("n", n).build());
          return n;
        }));
      }
      return values;
    });

    long total = (long) THREADS * INCREMENTS;
    assertThat(ds.get(counter).getLong("n")).isEqualTo(total);
    // Every commit saw the one before it: the values handed out are exactly 1..N×M.
    List<Long> all = new ArrayList<>();
    seen.forEach(all::addAll);
    Collections.sort(all);
    assertThat(all).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  /**
   * A committed transfer, as the thread that committed it logged it: the accounts, the amount, and
   * what it wrote to each account (its new balance and how many transfers it has now been part of,
   * which numbers each account's history).
   */
  private record Transfer(int from, int to, long amount, Entity fromAfter, Entity toAfter) {}

  /** One step of an account's history: its n-th transfer changed it by {@code change}. */
  private record Step(long n, long change, long balanceAfter) {}

  @ParameterizedTest
  @EnumSource(Store.class)
  void randomCrossGroupTransfersKeepTheTotalAndEveryAccountsHistory(Store store) throws Exception {
    MegaliteDatastore ds = open(store);
    List<Key> accounts = new ArrayList<>();
    List<Entity> opening = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      Key key = ds.newKey("Account", i + 1);
      accounts.add(key);
      opening.add(account(key, OPENING_BALANCE, 0));
    }
    ds.put(opening);
    TransactionOptions xg = PATIENT.toBuilder().crossGroup(true).build();
    TransactionOptions readOnlyXg = xg.toBuilder().readOnly(true).build();

    // An auditor reads every account in one read-only snapshot while the transfers run: a
    // snapshot that saw half a transfer would show the wrong total.
    AtomicBoolean transfersDone = new AtomicBoolean();
    AtomicLong audits = new AtomicLong();
    pool = Executors.newSingleThreadExecutor();
    Future<List<Long>> auditor = pool.submit(() -> {
      List<Long> wrongTotals = new ArrayList<>();
      while (!transfersDone.get() || audits.get() == 0) {
        long total;
        try (Transaction txn = ds.newTransaction(readOnlyXg)) {
          total = txn.get(accounts).stream().mapToLong(e -> e.getLong("balance")).sum();
          txn.commit();
        }
        audits.incrementAndGet();
        if (total != ACCOUNTS * OPENING_BALANCE) {
          wrongTotals.add(total);
        }
      }
      return wrongTotals;
    });

    List<List<Transfer>> logs = runConcurrently(TRANSFER_THREADS, thread -> {
      Random random = new Random(thread);
      List<Transfer> log = new ArrayList<>();
      for (int i = 0; i < TRANSFERS; i++) {
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + random.nextInt(300);
        Transfer done = ds.runInTransaction(xg, txn -> {
          List<Entity> both = txn.get(List.of(accounts.get(from), accounts.get(to)));
          Entity a = both.get(0);
          Entity b = both.get(1);
          Thread.yield();
          if (a.getLong("balance") < amount) {
            return null; // insufficient funds: commit nothing
          }
          List<Entity> after = List.of(afterTransfer(a, -amount), afterTransfer(b, amount));
          txn.put(after);
          return new Transfer(from, to, amount, after.get(0), after.get(1));
        });
        if (done != null) {
          log.add(done);
        }
      }
      return log;
    });
    transfersDone.set(true);

    // Replay each account's history in the order its own transfer count gives: the steps are
    // numbered 1..k without gap or repeat, and each balance written is the one before it plus
    // the transfer's amount. The last step is what the store holds.
    List<List<Step>> histories = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      histories.add(new ArrayList<>());
    }
    for (List<Transfer> log : logs) {
      for (Transfer t : log) {
        histories.get(t.from()).add(step(t.fromAfter(), -t.amount()));
        histories.get(t.to()).add(step(t.toAfter(), t.amount()));
      }
    }
    List<Entity> expected = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      List<Step> history = histories.get(i);
      history.sort(Comparator.comparingLong(Step::n));
      long balance = OPENING_BALANCE;
      for (int n = 1; n <= history.size(); n++) {
        Step step = history.get(n - 1);
        assertThat(step.n()).as("transfer number of account %d", i + 1).isEqualTo(n);
        balance += step.change();
        assertThat(step.balanceAfter())
            .as("balance of account %d after its transfer %d", i + 1, n)
            .isEqualTo(balance);
      }
      expected.add(account(accounts.get(i), balance, history.size()));
    }
    assertThat(ds.get(accounts)).isEqualTo(expected);
    assertThat(ds.get(accounts).stream().mapToLong(e -> e.getLong("balance")).sum())
        .isEqualTo(ACCOUNTS * OPENING_BALANCE);
    assertThat(ds.get(accounts)).allSatisfy(e -> assertThat(e.getLong("balance")).isNotNegative());
    assertThat(logs.stream().mapToInt(List::size).sum()).isPositive();
    assertThat(auditor.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(audits.get()).isPositive();
    assertThat(ds.checkConsistency().problems()).isEmpty();
  }

  private static Entity account(Key key, long balance, long transfers) {
    return Entity.newBuilder(key).set("balance", balance).set("transfers", transfers).build();
  }

  private static Step step(Entity after, long change) {
    return new Step(after.getLong("transfers"), change, after.getLong("balance"));
  }

  private static Entity afterTransfer(Entity account, long change) {
    return account(
        account.completeKey(),
        account.getLong("balance") + change,
        account.getLong("transfers") + 1);
  }

  @Test
  void aLongTransactionThatReadAGroupFailsOnCommitWhenAnotherThreadCommittedToIt()
      throws Exception {
    MegaliteDatastore ds = open(Store.ROCKSDB);
    Key counter = ds.newKey("Counter", "hits");
    Key audit = ds.newKey("Audit", "hits");
    ds.put(Entity.newBuilder(counter).set("n", 0).build());
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    pool = Executors.newFixedThreadPool(2);

    Future<Long> longTransaction = pool.submit(() -> {
      TransactionOptions xg = TransactionOptions.newBuilder().crossGroup(true).build();
      try (Transaction txn = ds.newTransaction(xg)) {
        long n = txn.get(counter).getLong("n");
        read.countDown();
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        // Writes only another group: what it read is stale, so it must not commit.
        txn.put(Entity.newBuilder(audit).set("seen", n).build());
        txn.commit();
        return n;
      }
    });
    Future<Long> writer = pool.submit(() -> {
      assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
      long n = ds.runInTransaction(txn -> {
        long next = txn.get(counter).getLong("n") + 1;
        txn.put(Entity.newBuilder(counter).set("n", next).build());
        return next;
      });
      written.countDown();
      return n;
    });

    assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> longTransaction.get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(ds.get(audit)).isNull();
    assertThat(ds.get(counter).getLong("n")).isEqualTo(1);
  }

  /** A thread's body; its argument is the thread's number. */
  @FunctionalInterface
  private interface Body<T> {
    T run(int thread) throws Exception;
  }

  /** Runs {@code body} on {@code threads} threads released together; returns their results. */
  private static <T> List<T> runConcurrently(int threads, Body<T> body) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<T> task = () -> {
          start.await();
          return body.run(thread);
        };
        futures.add(workers.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      workers.shutdownNow();
      assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
