package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The child process of {@link CrashIT}: writes random batches to a store until it is killed, one
 * operation at a time, and reports on stdout what it is about to do and what completed.
 *
 * <p>Protocol, one line each, flushed at {@code GO} and {@code DONE}:
 *
 * <pre>
 * READY                          the store is open; writing starts
 * BEGIN n                        operation n: what it will write follows
 * WILL PUT &lt;key&gt; &lt;hash&gt; [NEW]   NEW: the key's id was just allocated
 * WILL DEL &lt;key&gt;
 * GO n                           flushed before operation n starts
 * PUT &lt;key&gt; &lt;hash&gt;              acknowledged: printed after put/delete returned
 * DEL &lt;key&gt;
 * DONE n                         flushed; every line of operation n is out
 * </pre>
 *
 * Keys are url-safe; ids come from {@code allocateIds} before the intent is printed, so every key
 * is known before it is written. Operations are sequential, so at most one is in flight.
 */
public final class CrashWriter {
  static final String READY = "READY";
  private static final int MAX_OPERATIONS = 200_000;
  private static final List<String> NAMESPACES = List.of("", "crash");
  private static final List<String> KINDS = List.of("Doc", "Note");
  private static final List<String> WORDS =
      List.of("alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa");

  private final MegaliteDatastore ds;
  private final Random rnd;
  private final PrintStream out;
  /** Keys whose last completed operation is a put. */
  private final List<Key> live = new ArrayList<>();
  /** Keys that were deleted (or never written but deleted). */
  private final List<Key> dead = new ArrayList<>();
  private long names;

  private CrashWriter(MegaliteDatastore ds, Random rnd, PrintStream out) {
    this.ds = ds;
    this.rnd = rnd;
    this.out = out;
  }

  /** {@code CrashWriter <data dir> <seed> <sync: true|false>}. */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    boolean sync = Boolean.parseBoolean(args[2]);
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    MegaliteOptions options = MegaliteOptions.newBuilder().dataDir(dir).sync(sync).build();
    try (MegaliteDatastore ds = Megalite.open(options)) {
      out.println(READY);
      out.flush();
      new CrashWriter(ds, new Random(seed), out).run();
    }
  }

  private void run() {
    for (int op = 1; op <= MAX_OPERATIONS && !out.checkError(); op++) {
      if (live.isEmpty() || rnd.nextInt(10) < 7) {
        putBatch(op);
      } else {
        deleteBatch(op);
      }
    }
  }

  private void putBatch(int op) {
    int size = 1 + rnd.nextInt(50);
    Set<Key> keys = new LinkedHashSet<>();
    Set<Key> fresh = new LinkedHashSet<>();
    int allocated = 0;
    while (keys.size() + allocated < size) {
      int choice = rnd.nextInt(10);
      if (choice < 3 && !live.isEmpty()) {
        keys.add(live.get(rnd.nextInt(live.size())));
      } else if (choice < 4 && !dead.isEmpty()) {
        keys.add(dead.get(rnd.nextInt(dead.size())));
      } else if (choice < 6) {
        allocated++;
      } else {
        keys.add(newNamedKey());
      }
    }
    if (allocated > 0) {
      String ns = NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
      String kind = KINDS.get(rnd.nextInt(KINDS.size()));
      IncompleteKey incomplete =
          live.isEmpty() || rnd.nextBoolean()
              ? IncompleteKey.of(ds.projectId(), ns, kind)
              : IncompleteKey.of(live.get(rnd.nextInt(live.size())).root(), kind);
      for (Key k : ds.allocateIds(incomplete, allocated)) {
        if (!keys.add(k)) {
          throw new IllegalStateException("allocateIds handed out " + k + " twice");
        }
        fresh.add(k);
      }
    }
    List<Entity> batch = new ArrayList<>(keys.size());
    for (Key k : keys) {
      batch.add(randomEntity(k, op));
    }
    out.println("BEGIN " + op);
    for (Entity e : batch) {
      out.println("WILL PUT " + e.completeKey().toUrlSafe() + " " + hash(e)
          + (fresh.contains(e.completeKey()) ? " NEW" : ""));
    }
    go(op);

    List<Entity> put = ds.put(batch);

    for (Entity e : put) {
      out.println("PUT " + e.completeKey().toUrlSafe() + " " + hash(e));
      dead.remove(e.completeKey());
      if (!live.contains(e.completeKey())) {
        live.add(e.completeKey());
      }
    }
    done(op);
  }

  private void deleteBatch(int op) {
    int size = 1 + rnd.nextInt(10);
    Set<Key> keys = new LinkedHashSet<>();
    for (int i = 0; i < size; i++) {
      int choice = rnd.nextInt(10);
      if (choice == 0 && !dead.isEmpty()) {
        keys.add(dead.get(rnd.nextInt(dead.size())));
      } else if (choice == 1) {
        keys.add(newNamedKey()); // never written: a no-op delete
      } else {
        keys.add(live.get(rnd.nextInt(live.size())));
      }
    }
    out.println("BEGIN " + op);
    for (Key k : keys) {
      out.println("WILL DEL " + k.toUrlSafe());
    }
    go(op);

    ds.delete(new ArrayList<>(keys));

    for (Key k : keys) {
      out.println("DEL " + k.toUrlSafe());
      live.remove(k);
      if (!dead.contains(k)) {
        dead.add(k);
      }
    }
    done(op);
  }

  private void go(int op) {
    out.println("GO " + op);
    out.flush();
  }

  private void done(int op) {
    out.println("DONE " + op);
    out.flush();
  }

  private Key newNamedKey() {
    String ns = NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
    String kind = KINDS.get(rnd.nextInt(KINDS.size()));
    String name = "w" + (++names);
    if (!live.isEmpty() && rnd.nextInt(4) == 0) {
      return live.get(rnd.nextInt(live.size())).root().child(kind, name);
    }
    return Key.of(ds.projectId(), ns, kind, name);
  }

  private Entity randomEntity(Key key, int op) {
    Entity.Builder b = Entity.newBuilder(key).set("op", op).set("n", rnd.nextLong());
    b.set("tags", Value.list(randomValues(1 + rnd.nextInt(5), true)));
    if (rnd.nextBoolean()) {
      b.set("nums", Value.list(randomValues(1 + rnd.nextInt(4), false)));
    }
    if (rnd.nextInt(3) == 0) {
      b.set("score", rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextGaussian());
    }
    if (rnd.nextInt(4) == 0) {
      byte[] blob = new byte[rnd.nextInt(2_000)];
      rnd.nextBytes(blob);
      b.set("blob", Value.of(blob).unindexed());
    }
    if (rnd.nextInt(5) == 0 && !live.isEmpty()) {
      b.set("ref", live.get(rnd.nextInt(live.size())));
    }
    if (rnd.nextInt(6) == 0) {
      b.set("address", Value.of(Entity.newEmbeddedBuilder()
          .set("city", WORDS.get(rnd.nextInt(WORDS.size())))
          .set("zip", rnd.nextInt(10_000))
          .build()));
    }
    if (rnd.nextInt(8) == 0) {
      b.setNull("gone");
    }
    return b.build();
  }

  private List<Value> randomValues(int n, boolean words) {
    List<Value> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(words
          ? Value.of(WORDS.get(rnd.nextInt(WORDS.size())))
          : Value.of((long) rnd.nextInt(20)));
    }
    return values;
  }

  /** A digest of an entity's key and properties, independent of property order. */
  static String hash(Entity e) {
    StringBuilder text = new StringBuilder(e.completeKey().toUrlSafe());
    for (Map.Entry<String, Value> p : new TreeMap<>(e.properties()).entrySet()) {
      text.append('\u0000').append(p.getKey()).append('=').append(p.getValue());
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
