package dev.megalite.engine.query;

import dev.megalite.api.Key;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;

/** Runs a {@link Plan.KindScan}: the kind index, or the entity rows when kindless, in key order. */
final class KindScanSource implements Source {
  private final byte[] prefix;
  private final KeyRange keys;
  private final KvIterator it;
  private final ScanCursor cursor;
  private byte[] row;

  KindScanSource(ReadView view, String project, String namespace, Plan.KindScan plan) {
    this.prefix = plan.kind() == null
        ? RowKeys.scope(Keyspace.ENTITY, project, namespace)
        : RowKeys.kindPrefix(project, namespace, plan.kind());
    this.keys = plan.keys();
    byte[] lower = prefix;
    byte[] upper = Bytes.prefixEnd(prefix);
    Key ancestor = plan.ancestor();
    if (ancestor != null) {
      lower = Bytes.concat(prefix, RowKeys.pathPrefix(ancestor.path()));
      upper = Bytes.prefixEnd(lower);
    }
    if (keys.seekStart() != null) {
      byte[] s = Bytes.concat(prefix, keys.seekStart());
      if (Bytes.compare(s, lower) > 0) {
        lower = s;
      }
    }
    if (keys.end() != null) {
      byte[] e = Bytes.concat(prefix, keys.end());
      if (upper == null || Bytes.compare(e, upper) < 0) {
        upper = e;
      }
    }
    this.it = view.iterator(lower, upper);
    this.cursor = new ScanCursor(it);
  }

  @Override
  public boolean next() {
    if (!cursor.step()) {
      row = null;
      return false;
    }
    row = it.key();
    return true;
  }

  @Override
  public byte[] rowKey() {
    return row;
  }

  @Override
  public int pathStart() {
    return prefix.length;
  }

  @Override
  public byte[] rowValue() {
    return it.value();
  }

  @Override
  public byte[] position() {
    return Bytes.slice(row, prefix.length, row.length);
  }

  @Override
  public void seekAfter(byte[] position) {
    cursor.seek(Bytes.concat(Bytes.concat(prefix, position), new byte[] {0}));
  }

  @Override
  public void close() {
    it.close();
  }
}
