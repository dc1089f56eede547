package dev.megalite.examples;

import dev.megalite.api.TransactionOptions;
import dev.megalite.api.model.Entity;
import dev.megalite.api.model.Id;
import dev.megalite.api.model.Model;
import dev.megalite.api.model.Models;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transactions in application code. A counter incremented by many threads at once: each increment
 * reads and writes the counter in a transaction, and a transaction that loses the race is retried,
 * so no increment is lost. Then a bank: concurrent transfers between two accounts, each a
 * cross-group transaction (every account is its own entity group), so money is never created or
 * destroyed, and a transfer the balance cannot cover writes nothing.
 */
public final class TransactionsExample {

  /** A counter: one entity, one entity group. */
  @Entity
  public static class Counter extends Model<Counter> {
    @Id String name;
    long count;

    Counter() {}

    Counter(String name) {
      this.name = name;
    }
  }

  /** A bank account: a root entity, so a transfer between two spans two entity groups. */
  @Entity
  public static class Account extends Model<Account> {
    @Id String owner;
    long balance;

    Account() {}

    Account(String owner, long balance) {
      this.owner = owner;
      this.balance = balance;
    }
  }

  static final int THREADS = 4;
  static final int INCREMENTS_PER_THREAD = 25;
  static final int TRANSFERS_PER_THREAD = 25;
  static final long OPENING_BALANCE = 1_000;

  /** Contention is the point here: retry patiently instead of the default 3 times. */
  private static final TransactionOptions PATIENT =
      TransactionOptions.newBuilder().retries(50).build();
  private static final TransactionOptions CROSS_GROUP =
      PATIENT.toBuilder().crossGroup(true).build();

  private final PrintStream out;

  TransactionsExample(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(ExampleArgs.value(args, "--data-dir", "data/transactions"));
    MegaliteDatastore ds = Megalite.openDefault(dir);
    try {
      System.out.println("Megalite example: transactions in " + dir.toAbsolutePath());
      new TransactionsExample(System.out).run();
    } finally {
      ds.close();
    }
  }

  void run() throws Exception {
    counter();
    bank();
  }

  private void counter() throws Exception {
    long before = Megalite.runInTransaction(PATIENT, () -> {
      Counter c = Models.get(Counter.class, "visits");
      if (c == null) {
        new Counter("visits").put();
        return 0L;
      }
      return c.count;
    });
    out.println("== counter: " + THREADS + " threads x " + INCREMENTS_PER_THREAD
        + " increments");
    inParallel(thread -> {
      for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
        Megalite.runInTransaction(PATIENT, () -> {
          Counter c = Models.get(Counter.class, "visits");
          c.count++;
          c.put();
        });
      }
    });
    long after = Models.get(Counter.class, "visits").count;
    out.println("  before: " + before + ", after: " + after + ", added: " + (after - before));
  }

  private void bank() throws Exception {
    Megalite.runInTransaction(CROSS_GROUP, () -> {
      for (String owner : List.of("alice", "bob")) {
        if (Models.get(Account.class, owner) == null) {
          new Account(owner, OPENING_BALANCE).put();
        }
      }
    });
    long totalBefore = total();
    out.println();
    out.println("== bank: " + THREADS + " threads x " + TRANSFERS_PER_THREAD
        + " cross-group transfers between alice and bob");
    out.println("  before: alice " + balance("alice") + ", bob " + balance("bob") + ", total "
        + totalBefore);
    AtomicInteger refused = new AtomicInteger();
    inParallel(thread -> {
      Random random = new Random(thread);
      for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
        boolean toBob = random.nextBoolean();
        long amount = 50 + random.nextInt(400);
        try {
          transfer(toBob ? "alice" : "bob", toBob ? "bob" : "alice", amount);
        } catch (InsufficientFunds e) {
          refused.incrementAndGet();
        }
      }
    });
    long totalAfter = total();
    out.println("  after:  alice " + balance("alice") + ", bob " + balance("bob") + ", total "
        + totalAfter);
    out.println("  transfers refused for insufficient funds: " + refused.get());
    out.println("  money conserved: " + (totalBefore == totalAfter));
  }

  /** Moves {@code amount} from one account to the other, or nothing at all. */
  static void transfer(String from, String to, long amount) {
    Megalite.runInTransaction(CROSS_GROUP, () -> {
      Account source = Models.get(Account.class, from);
      Account target = Models.get(Account.class, to);
      if (source.balance < amount) {
        throw new InsufficientFunds(from + " has " + source.balance + ", not " + amount);
      }
      source.balance -= amount;
      target.balance += amount;
      source.put();
      target.put();
    });
  }

  /** A transfer the source account cannot cover; the transaction writes nothing. */
  static final class InsufficientFunds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InsufficientFunds(String message) {
      super(message);
    }
  }

  private static long balance(String owner) {
    return Models.get(Account.class, owner).balance;
  }

  private static long total() {
    return Models.query(Account.class).fetch().stream().mapToLong(a -> a.balance).sum();
  }

  /** Runs {@code body(thread)} on {@link #THREADS} threads and waits for all of them. */
  private static void inParallel(ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> body.run(thread)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @FunctionalInterface
  private interface ThreadBody {
    void run(int thread);
  }
}
