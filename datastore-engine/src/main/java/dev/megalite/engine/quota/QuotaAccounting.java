package dev.megalite.engine.quota;

import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quota accounting of one project on one store: the {@link QuotaMeter} of the rate quotas and
 * the {@link StoredData}. Opening it restores the daily counts saved by the last run (if it is
 * still the same quota day) and folds the stored-data deltas; they are saved again after every
 * background fold and at close, so a crash loses at most the daily counts since the last save —
 * never stored data, which is exact.
 */
public final class QuotaAccounting {
  private final KeyValueStore store;
  private final String project;
  private final QuotaMeter meter;
  private final StoredData storedData;
  private final byte[] dailyKey;

  private QuotaAccounting(KeyValueStore store, String project, QuotaMeter meter,
      IndexCatalog catalog) {
    this.store = store;
    this.project = project;
    this.meter = meter;
    this.dailyKey = RowKeys.stats(project, "daily");
    if (meter.enabled()) {
      this.storedData = StoredData.open(store, project, catalog, meter.config().storedDataLimit(),
          this::saveDaily);
      meter.restore(decode(store.get(dailyKey)));
    } else {
      StoredData.forget(store, project);
      this.storedData = null;
    }
  }

  /** Counts everything and enforces {@code config}, with days and minutes of {@code clock}. */
  public static QuotaAccounting open(KeyValueStore store, String project, IndexCatalog catalog,
      QuotaConfig config, Clock clock) {
    return new QuotaAccounting(store, project, QuotaMeter.of(config, clock), catalog);
  }

  /**
   * Counts nothing, only for measuring what accounting costs. Forgets the stored-data figures, so
   * the next open with accounting on recounts them.
   */
  public static QuotaAccounting off(KeyValueStore store, String project) {
    return new QuotaAccounting(store, project, QuotaMeter.off(), IndexCatalog.EMPTY);
  }

  public boolean enabled() {
    return storedData != null;
  }

  public QuotaMeter meter() {
    return meter;
  }

  /** The stored data (only when {@link #enabled()}). */
  public StoredData storedData() {
    return storedData;
  }

  /** A snapshot of every quota; composite rows count with their index's kind in {@code catalog}. */
  public QuotaUsage usage(IndexCatalog catalog) {
    StoredDataUsage stored = storedData == null
        ? StoredDataUsage.of(Map.of(), QuotaUsage.UNLIMITED)
        : storedData.usage(catalog);
    return meter.usage(project, stored);
  }

  /** Folds the stored-data deltas and saves the daily counts; the store stays open. */
  public void close() {
    if (storedData != null) {
      storedData.close();
      saveDaily();
    }
  }

  private void saveDaily() {
    QuotaMeter.DailyCounts counts = meter.dailyCounts();
    ByteSink out = new ByteSink(16 + counts.counts().size() * 24);
    out.writeVarint(1).writeLong(counts.dayStart()).writeVarint(counts.counts().size());
    counts.counts().forEach((name, used) -> {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      out.writeVarint(n.length).write(n).writeVarint(used);
    });
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(dailyKey, out.toByteArray());
      store.write(batch, false);
    }
  }

  private static QuotaMeter.DailyCounts decode(byte[] row) {
    if (row == null) {
      return null;
    }
    StoredTotals.Reader in = new StoredTotals.Reader(row);
    if (in.varint() != 1) {
      return null; // another format: start the day afresh
    }
    long dayStart = in.fixed64();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (long n = in.varint(); n > 0; n--) {
      counts.put(in.string(), in.varint());
    }
    return new QuotaMeter.DailyCounts(dayStart, counts);
  }
}
