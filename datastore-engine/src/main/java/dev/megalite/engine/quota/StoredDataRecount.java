package dev.megalite.engine.quota;

import dev.megalite.api.PathElement;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;
import java.util.List;

/**
 * Counts a project's stored data from scratch by scanning its rows: the entity rows, the kind and
 * property index rows, and the composite rows of the indexes in the catalog. Used at open when a
 * store was never counted, and by the consistency checker to verify the kept figures.
 */
final class StoredDataRecount {
  private StoredDataRecount() {}

  static StoredTotals count(ReadView view, String project, IndexCatalog catalog) {
    StoredTotals t = new StoredTotals();
    scan(view, RowKeys.project(Keyspace.ENTITY, project), (key, size) -> {
      TupleReader r = reader(key);
      r.name(); // namespace
      List<PathElement> path = r.path();
      t.addKind(path.get(path.size() - 1).kind(), 1, size, 0);
    });
    Row builtIn = (key, size) -> {
      TupleReader r = reader(key);
      r.name(); // namespace
      t.addKind(r.name(), 0, 0, size);
    };
    scan(view, RowKeys.project(Keyspace.KIND_INDEX, project), builtIn);
    scan(view, RowKeys.project(Keyspace.PROPERTY_INDEX, project), builtIn);
    for (long id : catalog.all().keySet()) {
      scan(view, RowKeys.compositeIndex(project, id), (key, size) -> t.addComposite(id, size));
    }
    t.prune(null);
    return t;
  }

  /** A reader positioned after the keyspace and project of {@code key}. */
  private static TupleReader reader(byte[] key) {
    TupleReader r = new TupleReader(key);
    r.keyspace();
    r.name();
    return r;
  }

  private static void scan(ReadView view, byte[] prefix, Row row) {
    try (KvIterator it = view.iterator(prefix, Bytes.prefixEnd(prefix))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        byte[] key = it.key();
        row.accept(key, key.length + it.value().length);
      }
    }
  }

  private interface Row {
    void accept(byte[] key, long size);
  }
}
