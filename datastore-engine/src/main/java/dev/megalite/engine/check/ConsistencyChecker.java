package dev.megalite.engine.check;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.engine.ConsistencyReport;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.index.CompositeIndex;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexRows;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.Snapshot;
import dev.megalite.engine.quota.StoredData;
import dev.megalite.engine.quota.StoredDataUsage;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexProperty;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every entity's index rows and compares them with the stored ones, both ways: a row
 * an entity should have but does not, a row with the wrong value, a row whose entity is gone or
 * would not produce it, an entity without an entity-group version. Reads one snapshot; memory
 * stays bounded (problems are capped at {@value #MAX_PROBLEMS}).
 */
public final class ConsistencyChecker {
  static final int MAX_PROBLEMS = 1000;

  private final List<String> problems = new ArrayList<>();
  private long entities;
  private long indexRows;

  private final IndexCatalog catalog;

  private ConsistencyChecker(IndexCatalog catalog) {
    this.catalog = catalog;
  }

  private static IndexCatalog serving(IndexCatalog all) {
    Map<Long, CompositeIndex> out = new LinkedHashMap<>();
    all.all().forEach((id, i) -> {
      if (i.state() == CompositeIndex.State.SERVING) {
        out.put(id, i);
      }
    });
    return new IndexCatalog(out);
  }

  public static ConsistencyReport check(KeyValueStore store) {
    return check(store, IndexCatalog.EMPTY);
  }

  /**
   * Checks built-in rows and the rows of {@code catalog}'s serving indexes (a building index is
   * complete only when its build ends, so its rows are not checked yet).
   */
  public static ConsistencyReport check(KeyValueStore store, IndexCatalog catalog) {
    return check(store, catalog, null);
  }

  /**
   * As {@link #check(KeyValueStore, IndexCatalog)}, and also recounts {@code project}'s stored data
   * from its rows and compares it with the figures kept for it (base plus deltas), read from the
   * same snapshot; {@code project} null skips that.
   */
  public static ConsistencyReport check(KeyValueStore store, IndexCatalog catalog, String project) {
    ConsistencyChecker c = new ConsistencyChecker(serving(catalog));
    StoredDataUsage recount = null;
    try (Snapshot s = store.snapshot()) {
      c.checkEntities(s);
      c.checkIndex(s, Keyspace.KIND_INDEX);
      c.checkIndex(s, Keyspace.PROPERTY_INDEX);
      c.checkIndex(s, Keyspace.COMPOSITE_INDEX);
      if (project != null) {
        recount = StoredData.recount(s, project, catalog);
        c.compare(recount, StoredData.persisted(s, project, catalog));
      }
    }
    return new ConsistencyReport(c.entities, c.indexRows, c.problems, recount);
  }

  private void compare(StoredDataUsage recount, StoredDataUsage kept) {
    if (!recount.equals(kept)) {
      problem("stored data: a recount from the rows gives " + recount
          + ", but the kept figures say " + kept);
    }
  }

  private void checkEntities(Snapshot s) {
    IndexRows rows = new IndexRows();
    byte[] lower = {Keyspace.ENTITY.prefix()};
    try (KvIterator it = s.iterator(lower, Bytes.prefixEnd(lower))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        entities++;
        byte[] rowKey = it.key();
        Key key;
        Entity e;
        try {
          key = RowKeys.entityKey(rowKey);
          e = EntityCodec.decode(key, it.value());
        } catch (RuntimeException ex) {
          problem("entity row " + Arrays.toString(rowKey) + " cannot be decoded: " + ex.getMessage());
          continue;
        }
        List<IndexRow> expected = rows.rows(key, e, catalog);
        List<byte[]> keys = new ArrayList<>(expected.size());
        expected.forEach(r -> keys.add(r.key()));
        List<byte[]> found = s.multiGet(keys);
        for (int i = 0; i < expected.size(); i++) {
          if (found.get(i) == null) {
            problem(key + " lacks index row " + describe(expected.get(i).key()));
          } else if (!Arrays.equals(found.get(i), expected.get(i).value())) {
            problem(key + " has index row " + describe(expected.get(i).key()) + " with wrong flags");
          }
        }
        if (s.get(RowKeys.group(key.root())) == null) {
          problem(key + " has no entity-group version for root " + key.root());
        }
      }
    }
  }

  private void checkIndex(Snapshot s, Keyspace ks) {
    IndexRows rows = new IndexRows();
    byte[] lower = {ks.prefix()};
    try (KvIterator it = s.iterator(lower, Bytes.prefixEnd(lower))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        indexRows++;
        byte[] rowKey = it.key();
        Key key;
        try {
          key = ks == Keyspace.COMPOSITE_INDEX ? compositeKey(rowKey) : keyOf(rowKey, ks);
          if (key == null) {
            continue; // a building index, checked once it serves
          }
        } catch (RuntimeException ex) {
          problem("index row " + Arrays.toString(rowKey) + " cannot be decoded: " + ex.getMessage());
          continue;
        }
        byte[] stored = s.get(RowKeys.entity(key));
        if (stored == null) {
          problem("index row " + describe(rowKey) + " points at missing entity " + key);
          continue;
        }
        boolean produced = false;
        for (IndexRow r : rows.rows(key, EntityCodec.decode(key, stored), catalog)) {
          if (Arrays.equals(r.key(), rowKey)) {
            produced = true;
            break;
          }
        }
        if (!produced) {
          problem("index row " + describe(rowKey) + " is stale: entity " + key + " does not have it");
        }
      }
    }
  }

  /** The entity key of a composite row, or null for a row of an index that is not serving. */
  private Key compositeKey(byte[] row) {
    TupleReader r = new TupleReader(row);
    r.keyspace();
    String project = r.name();
    long id = ByteBuffer.wrap(row, r.position(), 8).getLong();
    CompositeIndex index = catalog.byId(id);
    if (index == null) {
      return null;
    }
    r.position(r.position() + 8);
    String namespace = r.name();
    if (index.definition().ancestor()) {
      r.path();
    }
    for (IndexProperty p : index.definition().properties()) {
      r.skipValue(p.direction() == Direction.DESC);
    }
    return Key.of(project, namespace, r.path());
  }

  private static Key keyOf(byte[] row, Keyspace ks) {
    TupleReader r = new TupleReader(row);
    r.keyspace();
    String project = r.name();
    String namespace = r.name();
    r.name(); // kind
    if (ks == Keyspace.PROPERTY_INDEX) {
      r.name(); // property
      r.skipValue(false);
    }
    return Key.of(project, namespace, r.path());
  }

  private static String describe(byte[] row) {
    Keyspace ks = Keyspace.of(row[0]);
    TupleReader r = new TupleReader(row);
    try {
      r.keyspace();
      r.name();
      r.name();
      String kind = r.name();
      if (ks == Keyspace.PROPERTY_INDEX) {
        String property = r.name();
        return ks + "(" + kind + "." + property + ")";
      }
      return ks + "(" + kind + ")";
    } catch (RuntimeException e) {
      return Arrays.toString(row);
    }
  }

  private void problem(String p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    }
  }
}
