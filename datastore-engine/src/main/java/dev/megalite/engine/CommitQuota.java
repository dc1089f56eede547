package dev.megalite.engine;

import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.engine.kv.WriteBatch;
import dev.megalite.engine.quota.QuotaAccounting;
import dev.megalite.engine.quota.QuotaMeter;
import dev.megalite.engine.quota.StoredData;
import dev.megalite.engine.quota.StoredDataDelta;
import java.util.List;

/**
 * What a commit costs in quota, and its change to the stored data. Before anything is locked or
 * written, the commit's write operations, deletes and bytes sent are reserved (or the commit fails
 * with {@code OverQuotaException}); under the locks, each entity's change of stored data is added
 * up from the rows the commit already has, and written as a delta row in the commit's batch.
 */
final class CommitQuota {
  private static final byte PROPERTY = Keyspace.PROPERTY_INDEX.prefix();
  private static final byte COMPOSITE = Keyspace.COMPOSITE_INDEX.prefix();

  private final QuotaMeter meter;
  private final StoredData stored;

  CommitQuota(QuotaAccounting accounting) {
    this.meter = accounting.meter();
    this.stored = accounting.enabled() ? accounting.storedData() : null;
  }

  /** Gathers the figures of a commit of {@code n} mutations while it encodes them. */
  Costs costs(int n) {
    return new Costs(stored == null ? 0 : n);
  }

  /**
   * Reserves the cost gathered in {@code costs} and starts the commit's stored-data change, given
   * its row keys, encoded entities (null for deletes) and new index rows.
   */
  Charge begin(Costs costs, List<byte[]> rowKeys, byte[][] encoded, List<List<IndexRow>> newRows,
      IndexCatalog catalog, ReadView view) {
    if (stored == null) {
      return new Charge(null, costs, rowKeys, encoded, newRows, QuotaMeter.Reservation.NONE);
    }
    QuotaMeter.Reservation r = meter.reserveCommit(costs.writes, costs.deletes, costs.sent);
    return new Charge(stored.newDelta(catalog, view), costs, rowKeys, encoded, newRows, r);
  }

  /**
   * Per-mutation figures, taken in the commit's first pass while its index rows are fresh in the
   * cache (a second pass over thousands of rows costs more than the accounting itself).
   */
  static final class Costs {
    private final String[] kinds;
    private final long[] builtInBytes;
    private final boolean[] composite;
    private long writes;
    private long deletes;
    private long sent;

    private Costs(int n) {
      this.kinds = new String[n];
      this.builtInBytes = new long[n];
      this.composite = new boolean[n];
    }

    /**
     * Mutation {@code i} puts an entity encoded in {@code encodedBytes} with index rows {@code
     * rows}. Its cost is App Engine's write cost: 2 (the entity) + 2 per property-index row (App
     * Engine wrote an ascending and a descending row) + 1 per composite row.
     */
    void put(int i, String kind, int rowKeyBytes, int encodedBytes, List<IndexRow> rows) {
      if (kinds.length == 0) {
        return;
      }
      kinds[i] = kind;
      long ops = 2;
      long bytes = 0;
      for (int j = 0, n = rows.size(); j < n; j++) {
        IndexRow r = rows.get(j);
        byte ks = r.key()[0];
        if (ks == COMPOSITE) {
          ops++;
          composite[i] = true;
        } else {
          ops += ks == PROPERTY ? 2 : 0;
          bytes += r.key().length + r.value().length;
        }
      }
      builtInBytes[i] = bytes;
      writes += ops;
      sent += rowKeyBytes + encodedBytes;
    }

    /** Mutation {@code i} deletes a key (whether or not an entity is there). */
    void delete(int i, String kind, int rowKeyBytes) {
      if (kinds.length == 0) {
        return;
      }
      kinds[i] = kind;
      deletes++;
      sent += rowKeyBytes;
    }
  }

  /** One commit's reservation and stored-data change. */
  final class Charge {
    private final StoredDataDelta delta;
    private final List<byte[]> rowKeys;
    private final byte[][] encoded;
    private final List<List<IndexRow>> newRows;
    private final QuotaMeter.Reservation reservation;
    private final Costs costs;
    private boolean done;

    private Charge(StoredDataDelta delta, Costs costs, List<byte[]> rowKeys, byte[][] encoded,
        List<List<IndexRow>> newRows, QuotaMeter.Reservation reservation) {
      this.delta = delta;
      this.costs = costs;
      this.rowKeys = rowKeys;
      this.encoded = encoded;
      this.newRows = newRows;
      this.reservation = reservation;
    }

    /** Adds mutation {@code i}'s change: its stored row was {@code before}, with {@code oldRows}. */
    void entity(int i, byte[] before, List<IndexRow> oldRows) {
      if (delta != null) {
        delta.entity(costs.kinds[i], rowKeys.get(i).length, before,
            encoded[i], oldRows, newRows.get(i), costs.builtInBytes[i],
            costs.composite[i]);
      }
    }

    /** Adds the stored-data delta row to {@code batch}, refusing growth past the limit. */
    void stage(WriteBatch batch) {
      if (delta != null) {
        stored.stage(delta, batch, true);
      }
    }

    /** The batch was written. */
    void written() {
      done = true;
      if (delta != null) {
        stored.applied(delta);
      }
    }

    /** Gives everything back unless the batch was written. */
    void release() {
      if (!done) {
        done = true;
        reservation.refund();
        if (delta != null) {
          stored.abandoned(delta);
        }
      }
    }
  }
}
