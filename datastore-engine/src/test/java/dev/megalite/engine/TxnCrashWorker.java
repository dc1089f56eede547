package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child process of {@link TransactionCrashIT}: several threads increment a few counters in
 * transactions, each increment also writing an {@code Inc} child of its counter (so a partial
 * commit would show), and print one line {@code c<counter> <new value>} per acknowledged commit,
 * after the commit has returned. Prints {@code READY} first. Runs until it is killed, or stops on
 * its own after {@link #MAX_MILLIS} so that an orphan never runs for long.
 *
 * <p>Arguments: data directory, threads, counters, run id (unique per process on a directory).
 */
final class TxnCrashWorker {
  static final String READY = "READY";
  static final String COUNTER_KIND = "Counter";
  static final String INC_KIND = "Inc";
  private static final long MAX_MILLIS = 120_000;

  private TxnCrashWorker() {}

  static Key counterKey(MegaliteDatastore ds, int counter) {
    return ds.newKey(COUNTER_KIND, "c" + counter);
  }

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int counters = Integer.parseInt(args[2]);
    String run = args[3];
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256),
            false,
            StandardCharsets.UTF_8);
    TransactionOptions patient = TransactionOptions.newBuilder().retries(1_000).build();
    long stopAt = System.nanoTime() + MAX_MILLIS * 1_000_000;

    MegaliteDatastore ds = Megalite.open(MegaliteOptions.newBuilder().dataDir(dir).build());
    out.println(READY);
    out.flush();

    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = run + "-t" + t + "-";
      Thread worker = new Thread(() -> {
        long seq = 0;
        while (System.nanoTime() - stopAt < 0) {
          int c = ThreadLocalRandom.current().nextInt(counters);
          Key counter = counterKey(ds, c);
          Key inc = counter.child(INC_KIND, prefix + seq++);
          long value = ds.runInTransaction(patient, txn -> {
            Entity current = txn.get(counter);
            long next = (current == null ? 0 : current.getLong("n")) + 1;
            txn.put(Entity.newBuilder(counter).set("n", next).build());
            txn.put(Entity.newBuilder(inc).set("value", next).build());
            return next;
          });
          synchronized (out) {
            out.println("c" + c + " " + value);
            out.flush();
          }
        }
      }, "worker-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    ds.close();
  }
}
