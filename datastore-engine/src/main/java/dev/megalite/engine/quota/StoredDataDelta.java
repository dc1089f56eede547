package dev.megalite.engine.quota;

import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.index.CompositeIndex;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.kv.ReadView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change one commit (or one index-build batch) makes to the stored data, computed from rows the
 * writer already has: each entity's row before and after, and its index rows before and after.
 * Not thread-safe; one per commit. See {@link StoredData} for what counts.
 */
public final class StoredDataDelta {
  private static final byte COMPOSITE = Keyspace.COMPOSITE_INDEX.prefix();

  private final int idOffset;
  private final IndexCatalog catalog;
  private final ReadView view;
  private String[] kinds = new String[2];
  private long[] perKind = new long[6]; // entities, entity bytes, index bytes per kind
  private int nKinds;
  private long[] ids = new long[2];
  private long[] idBytes = new long[2];
  private int nIds;
  private long bytes;
  boolean reserved;
  /** The id of this delta's row once staged, -1 before. */
  long id = -1;

  StoredDataDelta(int idOffset, IndexCatalog catalog, ReadView view) {
    this.idOffset = idOffset;
    this.catalog = catalog;
    this.view = view;
  }

  /**
   * Adds one entity's change.
   *
   * @param kind the entity's kind
   * @param rowKeyBytes the length of its entity row key
   * @param before its stored entity row before the commit, or null
   * @param after its entity row after the commit, or null for a delete
   * @param oldRows the index rows of {@code before} (empty when null)
   * @param newRows the index rows of {@code after} (empty for a delete)
   * @param newBuiltIn the bytes of the built-in rows among {@code newRows}, already summed
   * @param newComposite whether {@code newRows} has composite rows
   */
  public void entity(String kind, int rowKeyBytes, byte[] before, byte[] after,
      List<IndexRow> oldRows, List<IndexRow> newRows, long newBuiltIn, boolean newComposite) {
    long entityBytes = (after == null ? 0 : rowKeyBytes + after.length)
        - (before == null ? 0 : rowKeyBytes + before.length);
    long[] building = before == null ? null : buildingIndexes(kind);
    if (newComposite) {
      rows(newRows, 1, building);
    }
    long builtIn = newBuiltIn - rows(oldRows, -1, building);
    addKind(kind, (after == null ? 0 : 1) - (before == null ? 0 : 1), entityBytes, builtIn);
    if (building != null) {
      for (long id : building) {
        addIndex(id, buildingChange(id, oldRows, newRows));
      }
    }
  }

  /** Adds {@code bytes} of composite rows of index {@code indexId} (an index build). */
  public void compositeRows(long indexId, long bytes) {
    if (bytes != 0) {
      addIndex(indexId, bytes);
    }
  }

  /** The net change of stored bytes. */
  public long bytes() {
    return bytes;
  }

  /**
   * Whether this change leaves every figure as it was: nothing to write or count. An overwrite of
   * an entity by one of the same encoded size (a counter bumped in a transaction) is the common
   * case, and needs no delta row.
   */
  public boolean isEmpty() {
    for (int i = 0; i < nKinds * 3; i++) {
      if (perKind[i] != 0) {
        return false;
      }
    }
    for (int i = 0; i < nIds; i++) {
      if (idBytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sums the built-in rows of {@code rows} and adds composite rows to their index, times {@code
   * sign}; rows of the {@code building} indexes are left to {@link #buildingChange}.
   */
  private long rows(List<IndexRow> rows, int sign, long[] building) {
    long builtIn = 0;
    for (int i = 0, n = rows.size(); i < n; i++) {
      IndexRow r = rows.get(i);
      long size = r.key().length + r.value().length;
      if (r.key()[0] != COMPOSITE) {
        builtIn += size;
      } else {
        long id = indexId(r.key());
        if (building == null || !contains(building, id)) {
          addIndex(id, sign * size);
        }
      }
    }
    return builtIn;
  }

  /**
   * The change of a building index's rows. The builder may not have reached this entity yet, so
   * its old rows may be missing: they are looked up. A row the commit keeps (same key and value
   * before and after) is not rewritten, so it exists afterwards only if it existed before.
   */
  private long buildingChange(long id, List<IndexRow> oldRows, List<IndexRow> newRows) {
    List<IndexRow> old = ofIndex(id, oldRows);
    List<byte[]> keys = new ArrayList<>(old.size());
    old.forEach(r -> keys.add(r.key()));
    List<byte[]> found = old.isEmpty() ? List.of() : view.multiGet(keys);
    Map<IndexRow, Boolean> existed = new HashMap<>();
    long change = 0;
    for (int i = 0; i < old.size(); i++) {
      byte[] v = found.get(i);
      existed.put(old.get(i), v != null);
      change -= v == null ? 0 : old.get(i).key().length + v.length;
    }
    for (IndexRow r : ofIndex(id, newRows)) {
      boolean written = !existed.containsKey(r) || existed.get(r);
      change += written ? r.key().length + r.value().length : 0;
    }
    return change;
  }

  private List<IndexRow> ofIndex(long id, List<IndexRow> rows) {
    List<IndexRow> out = new ArrayList<>();
    for (IndexRow r : rows) {
      if (r.key()[0] == COMPOSITE && indexId(r.key()) == id) {
        out.add(r);
      }
    }
    return out;
  }

  /** The ids of {@code kind}'s indexes that are still building, or null for none. */
  private long[] buildingIndexes(String kind) {
    List<CompositeIndex> maintained = catalog.maintained(kind);
    long[] out = null;
    for (CompositeIndex i : maintained) {
      if (i.state() == CompositeIndex.State.BUILDING) {
        out = out == null ? new long[] {i.id()} : append(out, i.id());
      }
    }
    return out;
  }

  private long indexId(byte[] key) {
    long v = 0;
    for (int i = idOffset; i < idOffset + 8; i++) {
      v = (v << 8) | (key[i] & 0xFF);
    }
    return v;
  }

  private void addKind(String kind, long entities, long entityBytes, long indexBytes) {
    bytes += entityBytes + indexBytes;
    int i = 0;
    while (i < nKinds && !kinds[i].equals(kind)) {
      i++;
    }
    if (i == nKinds) {
      if (nKinds == kinds.length) {
        kinds = Arrays.copyOf(kinds, nKinds * 2);
        perKind = Arrays.copyOf(perKind, nKinds * 6);
      }
      kinds[nKinds++] = kind;
    }
    perKind[i * 3] += entities;
    perKind[i * 3 + 1] += entityBytes;
    perKind[i * 3 + 2] += indexBytes;
  }

  private void addIndex(long id, long size) {
    bytes += size;
    int i = 0;
    while (i < nIds && ids[i] != id) {
      i++;
    }
    if (i == nIds) {
      if (nIds == ids.length) {
        ids = Arrays.copyOf(ids, nIds * 2);
        idBytes = Arrays.copyOf(idBytes, nIds * 2);
      }
      ids[nIds++] = id;
    }
    idBytes[i] += size;
  }

  /** Applies this change to the live totals. */
  void applyTo(StoredData.Live live) {
    for (int i = 0; i < nKinds; i++) {
      live.addKind(kinds[i], perKind[i * 3], perKind[i * 3 + 1], perKind[i * 3 + 2]);
    }
    for (int i = 0; i < nIds; i++) {
      live.addComposite(ids[i], idBytes[i]);
    }
  }

  /** The value of this delta's row (the {@link StoredTotals} layout). */
  byte[] encode() {
    ByteSink out = new ByteSink(16 + nKinds * 24 + nIds * 12);
    out.writeVarint(1).writeVarint(0).writeVarint(nKinds);
    for (int i = 0; i < nKinds; i++) {
      byte[] name = kinds[i].getBytes(StandardCharsets.UTF_8);
      out.writeVarint(name.length).write(name);
      for (int j = 0; j < 3; j++) {
        out.writeVarint(StoredTotals.zigzag(perKind[i * 3 + j]));
      }
    }
    out.writeVarint(nIds);
    for (int i = 0; i < nIds; i++) {
      out.writeLong(ids[i]).writeVarint(StoredTotals.zigzag(idBytes[i]));
    }
    return out.toByteArray();
  }

  private static boolean contains(long[] a, long v) {
    for (long x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static long[] append(long[] a, long v) {
    long[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }
}
