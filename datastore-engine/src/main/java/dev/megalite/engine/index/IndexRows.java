package dev.megalite.engine.index;

import dev.megalite.api.BytesValue;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.StringValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.TupleWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The built-in index rows of an entity: one kind-index row, and one property-index row per
 * distinct indexed value of each property. Not thread-safe; one per writer, reused.
 */
public final class IndexRows {
  /** App Engine's limit on an indexed string or byte string, in bytes. */
  public static final int MAX_INDEXED_STRING_BYTES = 1500;

  private static final byte[] EMPTY = new byte[0];

  private final TupleWriter w = new TupleWriter();
  private final int maxIndexedStringBytes;

  /** Index rows with App Engine's 1,500-byte limit on indexed strings. */
  public IndexRows() {
    this(MAX_INDEXED_STRING_BYTES);
  }

  public IndexRows(int maxIndexedStringBytes) {
    this.maxIndexedStringBytes = maxIndexedStringBytes;
  }

  /** Every built-in index row of {@code entity}, whose key is {@code key}. */
  public List<IndexRow> rows(Key key, Entity entity) {
    return rows(key, entity, IndexCatalog.EMPTY);
  }

  /** Every index row of {@code entity}: built-in ones and those of the catalog's indexes. */
  public List<IndexRow> rows(Key key, Entity entity, IndexCatalog catalog) {
    Map<String, List<Value>> props = IndexedValues.of(entity);
    List<IndexRow> out = new ArrayList<>(props.size() + 1);
    w.reset().keyspace(Keyspace.KIND_INDEX).name(key.project()).name(key.namespace());
    w.name(key.kind());
    int kindScope = w.length();
    w.path(key.path());
    byte[] pathBytes = Arrays.copyOfRange(w.toByteArray(), kindScope, w.length());
    out.add(new IndexRow(w.toByteArray(), EMPTY));

    w.reset().keyspace(Keyspace.PROPERTY_INDEX).name(key.project()).name(key.namespace());
    w.name(key.kind());
    int scope = w.length();
    for (Map.Entry<String, List<Value>> e : props.entrySet()) {
      List<Value> values = e.getValue();
      boolean multi = values.size() > 1;
      w.truncate(scope);
      w.name(e.getKey());
      int propScope = w.length();
      int first = out.size();
      for (Value v : values) {
        checkIndexedSize(key, e.getKey(), v);
        w.truncate(propScope);
        w.value(v).raw(pathBytes);
        byte[] rowKey = w.toByteArray();
        if (!contains(out, first, rowKey)) {
          out.add(new IndexRow(rowKey, new byte[] {PropertyRowFlags.of(TupleWriter.meaning(v), multi)}));
        }
      }
      if (multi && out.size() - first == 1) {
        // All values were equal: one row, and the entity is single-valued for the index.
        IndexRow only = out.get(first);
        out.set(first, new IndexRow(only.key(), new byte[] {PropertyRowFlags.of(
            PropertyRowFlags.meaning(only.value()), false)}));
      }
    }
    for (CompositeIndex index : catalog.maintained(key.kind())) {
      index.rows(key, props, out);
    }
    return out;
  }

  private static boolean contains(List<IndexRow> rows, int from, byte[] key) {
    for (int i = from; i < rows.size(); i++) {
      if (Arrays.equals(rows.get(i).key(), key)) {
        return true;
      }
    }
    return false;
  }

  private void checkIndexedSize(Key key, String property, Value v) {
    int bytes;
    if (v instanceof StringValue s) {
      String str = s.value();
      if (str.length() * 3 <= maxIndexedStringBytes) {
        return;
      }
      bytes = str.getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof BytesValue b) {
      bytes = b.length();
    } else {
      return;
    }
    if (bytes > maxIndexedStringBytes) {
      throw new LimitExceededException(
          "indexed string or bytes value",
          maxIndexedStringBytes,
          bytes,
          key + " property '" + property + "'; store it unindexed to keep it");
    }
  }
}
