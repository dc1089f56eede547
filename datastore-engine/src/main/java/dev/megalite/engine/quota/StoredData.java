package dev.megalite.engine.quota;

import dev.megalite.api.error.OverQuotaException;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.kv.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One project's stored data, exact across concurrent commits and crashes. What counts: every
 * entity row (key + value) and every index row (key + value) of the project — kind index, property
 * index, and the composite rows of indexes in the catalog (building or serving). Entity-group
 * versions, id allocators, metadata and these accounting rows are bookkeeping and do not count.
 *
 * <p>Every commit writes its {@link StoredDataDelta} as a row of its own, keyed by a fresh delta
 * id, in the same atomic batch as the rows it counts; the live totals are updated after the
 * write. Deltas are folded into the base row (base + deltas → new base, deltas deleted, one batch)
 * at open, every {@value #FOLD_EVERY} deltas in the background, and at close. So base + deltas is
 * always exactly what is stored, whenever the process dies.
 */
public final class StoredData {
  static final int FOLD_EVERY = 4096;
  private static final int FOLD_CHUNK = 20_000;

  private final KeyValueStore store;
  private final String project;
  private final long limit;
  private final int idOffset;
  private final byte[] baseKey;
  private final byte[] deltaPrefix;
  private final Live live = new Live();
  private final AtomicLong nextDeltaId = new AtomicLong();
  private final AtomicInteger sinceFold = new AtomicInteger();
  private final AtomicBoolean folding = new AtomicBoolean();
  private final Object foldLock = new Object();
  /**
   * Every delta id below this was folded or abandoned, so a fold seeks here rather than to the
   * first delta key: the deleted deltas before it are tombstones that a scan from the prefix would
   * step over one by one until RocksDB compacts them away. Guarded by {@link #foldLock}.
   */
  private long foldFrom;
  /** Ids of deltas staged but never written (their commit failed): gaps a fold may step past. */
  private final Set<Long> abandonedIds = ConcurrentHashMap.newKeySet();
  private final Runnable afterFold;
  private volatile Thread folder;

  private StoredData(KeyValueStore store, String project, long limit, Runnable afterFold) {
    this.store = store;
    this.afterFold = afterFold;
    this.project = project;
    this.limit = limit;
    this.idOffset = RowKeys.project(Keyspace.COMPOSITE_INDEX, project).length;
    this.baseKey = RowKeys.stats(project, "base");
    this.deltaPrefix = RowKeys.stats(project, "delta");
  }

  /**
   * Opens the stored data of {@code project}: recounts it from the rows when it was never counted
   * (a new store, or one written with accounting off), else folds the deltas left by the last
   * run, dropping the shares of indexes {@code catalog} no longer has. {@code afterFold} runs
   * after every background fold.
   */
  static StoredData open(KeyValueStore store, String project, IndexCatalog catalog, long limit,
      Runnable afterFold) {
    StoredData d = new StoredData(store, project, limit, afterFold);
    StoredTotals totals = store.get(d.baseKey) == null ? d.recountAndReset(catalog)
        : d.fold(catalog);
    totals.kinds.forEach((k, v) -> {
      d.live.addKind(k, v[0], v[1], v[2]);
      d.live.total.addAndGet(v[1] + v[2]);
    });
    totals.composite.forEach((id, v) -> {
      d.live.addComposite(id, v[0]);
      d.live.total.addAndGet(v[0]);
    });
    d.nextDeltaId.set(totals.nextDeltaId);
    synchronized (d.foldLock) {
      d.foldFrom = totals.nextDeltaId; // nothing writes during open: every delta is folded
    }
    return d;
  }

  /** Forgets {@code project}'s accounting rows, so the next open with accounting on recounts. */
  static void forget(KeyValueStore store, String project) {
    byte[] prefix = RowKeys.project(Keyspace.STATS, project);
    store.deleteRange(prefix, Bytes.prefixEnd(prefix));
  }

  private StoredTotals recountAndReset(IndexCatalog catalog) {
    StoredTotals totals;
    try (Snapshot s = store.snapshot()) {
      totals = StoredDataRecount.count(s, project, catalog);
    }
    byte[] prefix = RowKeys.project(Keyspace.STATS, project);
    store.deleteRange(prefix, Bytes.prefixEnd(prefix)); // stray deltas the recount already covers
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(baseKey, totals.encode());
      store.write(batch, true);
    }
    return totals;
  }

  /** A delta for one commit under {@code catalog}, looking rows up in {@code view} if it must. */
  public StoredDataDelta newDelta(IndexCatalog catalog, ReadView view) {
    return new StoredDataDelta(idOffset, catalog, view);
  }

  /**
   * Adds {@code delta}'s row to {@code batch}. With {@code enforce}, growth past the limit throws
   * {@link OverQuotaException} first, and the growth is reserved, so concurrent commits cannot
   * together pass the limit; call {@link #applied} after the write, {@link #abandoned} if it fails.
   */
  public void stage(StoredDataDelta delta, WriteBatch batch, boolean enforce) {
    if (delta.isEmpty()) {
      return;
    }
    long bytes = delta.bytes();
    if (enforce && limit != QuotaConfig.UNLIMITED && bytes > 0) {
      while (true) {
        long total = live.total.get();
        if (total + bytes > limit) {
          throw new OverQuotaException(Quota.STORED_DATA.configName(), "level", limit, total,
              bytes, Quota.STORED_DATA.unit());
        }
        if (live.total.compareAndSet(total, total + bytes)) {
          delta.reserved = true;
          break;
        }
      }
    }
    delta.id = nextDeltaId.getAndIncrement();
    batch.put(RowKeys.statsDelta(project, delta.id), delta.encode());
  }

  /** Counts {@code delta}, whose batch was written. */
  public void applied(StoredDataDelta delta) {
    if (delta.isEmpty()) {
      return;
    }
    delta.applyTo(live);
    if (!delta.reserved) {
      live.total.addAndGet(delta.bytes());
    }
    if (sinceFold.incrementAndGet() >= FOLD_EVERY && folding.compareAndSet(false, true)) {
      sinceFold.set(0);
      Thread t = new Thread(this::foldInBackground, "megalite-stored-data-fold");
      t.setDaemon(true);
      folder = t;
      t.start();
    }
  }

  /** Gives back what {@link #stage} reserved for {@code delta}, whose batch was not written. */
  public void abandoned(StoredDataDelta delta) {
    if (delta.id >= 0) {
      abandonedIds.add(delta.id);
      delta.id = -1;
    }
    if (delta.reserved) {
      delta.reserved = false;
      live.total.addAndGet(-delta.bytes());
    }
  }

  /**
   * The change of writing {@code rows} of composite index {@code indexId} (an index build, which
   * may rewrite rows a commit already wrote): each row's size less that of the row {@code view}
   * holds under its key now.
   */
  public StoredDataDelta indexRows(long indexId, List<IndexRow> rows, ReadView view) {
    List<byte[]> keys = new ArrayList<>(rows.size());
    rows.forEach(r -> keys.add(r.key()));
    List<byte[]> now = view.multiGet(keys);
    long bytes = 0;
    for (int i = 0; i < rows.size(); i++) {
      IndexRow r = rows.get(i);
      byte[] old = now.get(i);
      bytes += r.value().length - (old == null ? -r.key().length : old.length);
    }
    StoredDataDelta delta = newDelta(IndexCatalog.EMPTY, view);
    delta.compositeRows(indexId, bytes);
    return delta;
  }

  /** Drops the share of a composite index whose rows were deleted with it. */
  public void indexDropped(long indexId) {
    LongAdder share = live.composite.get(indexId);
    long bytes = share == null ? 0 : share.sum();
    if (bytes != 0) {
      StoredDataDelta delta = newDelta(IndexCatalog.EMPTY, store);
      delta.compositeRows(indexId, -bytes);
      try (WriteBatch batch = store.newWriteBatch()) {
        stage(delta, batch, false);
        store.write(batch, false);
      } catch (RuntimeException e) {
        abandoned(delta);
        throw e;
      }
      applied(delta);
    }
    live.composite.remove(indexId);
  }

  /** The live figures; composite rows count with their index's kind in {@code catalog}. */
  public StoredDataUsage usage(IndexCatalog catalog) {
    StoredTotals t = new StoredTotals();
    live.kinds.forEach((k, a) -> t.addKind(k, a[0].sum(), a[1].sum(), a[2].sum()));
    live.composite.forEach((id, a) -> t.addComposite(id, a.sum()));
    return t.usage(catalog, QuotaMeter.limit(limit));
  }

  /** The figures persisted in {@code view}: the base row plus every delta. */
  public static StoredDataUsage persisted(ReadView view, String project, IndexCatalog catalog) {
    StoredTotals t = new StoredTotals();
    byte[] base = view.get(RowKeys.stats(project, "base"));
    if (base != null) {
      t.add(StoredTotals.decode(base));
    }
    byte[] prefix = RowKeys.stats(project, "delta");
    try (KvIterator it = view.iterator(prefix, Bytes.prefixEnd(prefix))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        t.add(StoredTotals.decode(it.value()));
      }
    }
    return t.usage(catalog, QuotaUsage.UNLIMITED);
  }

  /** Recounts {@code project}'s stored data from its rows in {@code view}. */
  public static StoredDataUsage recount(ReadView view, String project, IndexCatalog catalog) {
    return StoredDataRecount.count(view, project, catalog).usage(catalog, QuotaUsage.UNLIMITED);
  }

  private void foldInBackground() {
    try {
      fold(null);
      afterFold.run();
    } catch (RuntimeException e) {
      // The store closed under us, or a write failed: the deltas stay and a later fold takes them.
    } finally {
      folding.set(false);
    }
  }

  /** Waits for a background fold, then folds what is left. */
  void close() {
    Thread t = folder;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    fold(null);
  }

  /**
   * Folds the delta rows into the base row, a chunk per atomic batch; with a {@code catalog},
   * also drops composite shares of indexes it does not have (only at open, when nothing writes).
   * Returns the new base.
   */
  StoredTotals fold(IndexCatalog catalog) {
    synchronized (foldLock) {
      long from = foldFrom; // the next id expected in the scan
      long gap = -1; // the first id not seen and not abandoned: a commit may still write it
      while (true) {
        StoredTotals base;
        List<byte[]> folded = new ArrayList<>();
        boolean more;
        // Read before the snapshot: every id below it was handed out before the snapshot.
        long handedOut = nextDeltaId.get();
        try (Snapshot s = store.snapshot()) {
          byte[] b = s.get(baseKey);
          base = b == null ? new StoredTotals() : StoredTotals.decode(b);
          byte[] lower = RowKeys.statsDelta(project, from);
          try (KvIterator it = s.iterator(lower, Bytes.prefixEnd(deltaPrefix))) {
            for (it.seekToFirst(); it.valid() && folded.size() < FOLD_CHUNK; it.next()) {
              base.add(StoredTotals.decode(it.value()));
              byte[] key = it.key();
              long id = idOf(key);
              if (gap < 0) {
                gap = firstGap(from, id);
              }
              from = id + 1;
              folded.add(key);
              base.nextDeltaId = Math.max(base.nextDeltaId, id + 1);
            }
            more = it.valid();
          }
        }
        base.nextDeltaId = Math.max(base.nextDeltaId, nextDeltaId.get());
        base.prune(catalog);
        if (!folded.isEmpty() || catalog != null) {
          try (WriteBatch batch = store.newWriteBatch()) {
            batch.put(baseKey, base.encode());
            folded.forEach(batch::delete);
            store.write(batch, false);
          }
        }
        if (!more) {
          if (gap < 0) {
            gap = firstGap(from, handedOut);
          }
          foldFrom = gap >= 0 ? gap : Math.max(from, handedOut);
          abandonedIds.removeIf(id -> id < foldFrom);
          return base;
        }
      }
    }
  }

  /** Where the next fold starts: every delta id below it was folded or abandoned. */
  long foldFrom() {
    synchronized (foldLock) {
      return foldFrom;
    }
  }

  /** The first id in [{@code from}, {@code to}) that was not abandoned, or -1 if there is none. */
  private long firstGap(long from, long to) {
    long id = from;
    while (id < to && abandonedIds.contains(id)) {
      id++;
    }
    return id < to ? id : -1;
  }

  private long idOf(byte[] deltaKey) {
    long v = 0;
    for (int i = deltaPrefix.length; i < deltaPrefix.length + 8; i++) {
      v = (v << 8) | (deltaKey[i] & 0xFF);
    }
    return v;
  }

  /** The live totals: adders per kind and per composite index, and the exact total in bytes. */
  static final class Live {
    final Map<String, LongAdder[]> kinds = new ConcurrentHashMap<>();
    final Map<Long, LongAdder> composite = new ConcurrentHashMap<>();
    final AtomicLong total = new AtomicLong();

    void addKind(String kind, long entities, long entityBytes, long indexBytes) {
      LongAdder[] a = kinds.get(kind);
      if (a == null) {
        a = kinds.computeIfAbsent(kind,
            k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
      }
      a[0].add(entities);
      a[1].add(entityBytes);
      a[2].add(indexBytes);
    }

    void addComposite(long indexId, long bytes) {
      composite.computeIfAbsent(indexId, k -> new LongAdder()).add(bytes);
    }
  }
}
