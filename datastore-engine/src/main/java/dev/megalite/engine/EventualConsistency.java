package dev.megalite.engine;

import dev.megalite.api.Key;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRegistry;
import dev.megalite.engine.index.IndexRows;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.OverlayView;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Simulated eventual consistency, as App Engine's High Replication datastore and its local
 * stubs had it: each entity group a commit writes is, with probability 1 − p, left "unapplied"
 * for global (non-ancestor, non-transactional) queries, which go on seeing the group as it was
 * before — until the group rolls forward. Everything is committed durably as usual; only what
 * global queries read is held back. The rules are in {@code docs/consistency.md}.
 *
 * <p>A group becomes unapplied in {@link #beforeWrite}, under its commit's group locks, by taking
 * a snapshot of the store before the batch is written (one snapshot serves every group the commit
 * hides; a group already hidden keeps its older one). Snapshots are reference-counted and closed
 * when no hidden group and no query needs them. Nothing here runs at all with p = 1: the engine
 * then has no instance of this class.
 */
final class EventualConsistency implements CommitListener {
  /**
   * The overlay the last global query built, for the next one to reuse while the same groups
   * are hidden at the same versions, under the same index catalog.
   */
  private record Overlay(
      IndexCatalog catalog, Map<HiddenGroup, Long> versions, OverlayView view) {}

  /** A snapshot shared by the groups one commit hid; the counts are guarded by the owner. */
  static final class SharedSnapshot {
    private final Snapshot snapshot;
    private int refs;

    private SharedSnapshot(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    Snapshot snapshot() {
      return snapshot;
    }
  }

  private final KeyValueStore store;
  private final IndexRegistry registry;
  private final int maxIndexedStringBytes;
  private final double p;
  private final Random random;
  private final long delayNanos;
  private final LongSupplier ticker;
  private final ConcurrentHashMap<Key, HiddenGroup> hidden = new ConcurrentHashMap<>();
  /** Hidden groups in the order they were hidden, which is the order of their deadlines. */
  private final ArrayDeque<HiddenGroup> byDeadline = new ArrayDeque<>();
  private volatile Overlay lastOverlay;

  private EventualConsistency(KeyValueStore store, IndexRegistry registry, MegaliteOptions o) {
    this.store = store;
    this.registry = registry;
    this.maxIndexedStringBytes = o.limits().maxIndexedStringBytes();
    this.p = o.consistency();
    this.random = o.consistencySeed().isPresent()
        ? new Random(o.consistencySeed().getAsLong())
        : new Random();
    // Capped so that deadlines never overflow; a quarter of Long.MAX_VALUE ns is 73 years.
    long nanos;
    try {
      nanos = o.rollForwardDelay().toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE;
    }
    this.delayNanos = Math.min(nanos, Long.MAX_VALUE / 4);
    this.ticker = o.consistencyTicker();
  }

  /** The simulation for {@code options}, or null when they ask for strong consistency. */
  static EventualConsistency of(
      KeyValueStore store, IndexRegistry registry, MegaliteOptions options) {
    return options.consistency() >= 1.0 ? null : new EventualConsistency(store, registry, options);
  }

  /** Decides, group by group, whether this commit is applied at once or hidden for a while. */
  @Override
  public synchronized void beforeWrite(Set<Key> roots) {
    long now = ticker.getAsLong();
    sweep(now);
    SharedSnapshot taken = null;
    for (Key root : roots) {
      if (random.nextDouble() < p) {
        // Applied: and with it every earlier write to the group, as jobs apply in order.
        release(hidden.remove(root));
      } else if (!hidden.containsKey(root)) {
        if (taken == null) {
          taken = new SharedSnapshot(store.snapshot());
        }
        taken.refs++;
        HiddenGroup g = new HiddenGroup(root, taken, now + delayNanos);
        hidden.put(root, g);
        byDeadline.addLast(g);
      }
    }
    if (byDeadline.size() > 2 * hidden.size() + 1024) {
      // Entries of groups rolled forward early wait for their deadline; a long delay piles them up.
      byDeadline.removeIf(g -> hidden.get(g.root()) != g);
    }
  }

  /** Makes every write to the group of {@code root} visible to global queries. */
  void rollForward(Key root) {
    if (!hidden.containsKey(root)) {
      return; // the common case, without taking the lock
    }
    synchronized (this) {
      release(hidden.remove(root));
    }
  }

  /** How many groups global queries see as they were before some writes, now. */
  synchronized int hiddenGroups() {
    sweep(ticker.getAsLong());
    return hidden.size();
  }

  /** A view for one global query; it reads nothing until it is first used. Close it after. */
  GlobalView globalView() {
    return new GlobalView(store, this);
  }

  /**
   * What a global query reads from {@code current}: the snapshot itself when no group is hidden,
   * else the snapshot with the hidden groups' rows replaced by what they were before.
   */
  ReadView overlay(Snapshot current) {
    IndexCatalog catalog = registry.catalog();
    List<HiddenGroup> groups;
    synchronized (this) {
      sweep(ticker.getAsLong());
      if (hidden.isEmpty()) {
        return current;
      }
      groups = new ArrayList<>(hidden.values());
      for (HiddenGroup g : groups) {
        g.before().refs++;
      }
    }
    try {
      List<byte[]> groupRows = new ArrayList<>(groups.size());
      for (HiddenGroup g : groups) {
        groupRows.add(g.groupRow());
      }
      List<byte[]> stored = current.multiGet(groupRows);
      Map<HiddenGroup, Long> versions = new HashMap<>(); // groups compare by identity
      for (int i = 0; i < groups.size(); i++) {
        versions.put(groups.get(i), Committer.groupVersion(stored.get(i)));
      }
      Overlay last = lastOverlay;
      if (last == null || last.catalog() != catalog || !last.versions().equals(versions)) {
        OverlayView.Patch patch = new OverlayView.Patch();
        IndexRows rows = new IndexRows(maxIndexedStringBytes);
        for (HiddenGroup g : groups) {
          g.patchInto(current, versions.get(g), catalog, rows, patch);
        }
        OverlayView view = patch.isEmpty() ? null : new OverlayView(current, patch);
        last = new Overlay(catalog, versions, view);
        lastOverlay = last;
      }
      return last.view() == null ? current : last.view().withBase(current);
    } finally {
      synchronized (this) {
        for (HiddenGroup g : groups) {
          release(g);
        }
      }
    }
  }

  /** Releases every snapshot; the datastore is closing. */
  synchronized void close() {
    for (HiddenGroup g : new ArrayList<>(hidden.values())) {
      release(hidden.remove(g.root()));
    }
    byDeadline.clear();
    lastOverlay = null;
  }

  /** Rolls forward every group whose delay has passed. Holds this object's lock. */
  private void sweep(long now) {
    HiddenGroup g;
    while ((g = byDeadline.peekFirst()) != null && g.dueAt(now)) {
      byDeadline.pollFirst();
      // A group rolled forward early (and maybe hidden again since) is no longer this entry.
      if (hidden.remove(g.root(), g)) {
        release(g);
      }
    }
  }

  /** Drops one reference to {@code g}'s snapshot (none for null). Holds this object's lock. */
  private static void release(HiddenGroup g) {
    if (g != null && --g.before().refs == 0) {
      g.before().snapshot.close();
    }
  }
}
