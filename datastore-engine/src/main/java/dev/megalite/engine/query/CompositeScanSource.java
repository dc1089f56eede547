package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexProperty;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Runs a {@link Plan.CompositeScan}: a forward range scan of one composite index. Descending
 * components are stored inverted, so the scan order is the query's order in every direction.
 */
final class CompositeScanSource implements Source {
  private final byte[] prefix;
  private final ValueRange range;
  private final boolean rangeDescending;
  private final KeyRange keys;
  private final boolean[] inverted;
  private final int fixed;
  private final KvIterator it;
  private final ScanCursor cursor;
  private byte[] row;
  private int pathStart;

  CompositeScanSource(ReadView view, String project, String namespace, Plan.CompositeScan plan) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(RowKeys.compositeScope(project, plan.index().id(), namespace));
    if (plan.index().definition().ancestor()) {
      p.writeBytes(RowKeys.path(plan.ancestor().path()));
    }
    plan.prefixValues().forEach(p::writeBytes);
    this.prefix = p.toByteArray();
    this.range = plan.range();
    this.rangeDescending = plan.rangeDescending();
    this.keys = plan.keys();
    List<IndexProperty> props = plan.index().definition().properties();
    this.fixed = plan.prefixValues().size();
    this.inverted = new boolean[props.size()];
    for (int i = 0; i < props.size(); i++) {
      inverted[i] = props.get(i).direction() == Direction.DESC;
    }
    this.it = view.iterator(lower(), upper());
    this.cursor = new ScanCursor(it);
  }

  private byte[] lower() {
    byte[] bound = rangeDescending ? range.upper() : range.lower();
    boolean inclusive = rangeDescending ? range.upperInclusive() : range.lowerInclusive();
    if (bound == null) {
      return prefix;
    }
    byte[] b = Bytes.concat(prefix, rangeDescending ? Bytes.invert(bound) : bound);
    return inclusive ? b : Bytes.prefixEnd(b);
  }

  private byte[] upper() {
    byte[] bound = rangeDescending ? range.lower() : range.upper();
    boolean inclusive = rangeDescending ? range.lowerInclusive() : range.upperInclusive();
    if (bound == null) {
      return Bytes.prefixEnd(prefix);
    }
    byte[] b = Bytes.concat(prefix, rangeDescending ? Bytes.invert(bound) : bound);
    return inclusive ? Bytes.prefixEnd(b) : b;
  }

  @Override
  public boolean next() {
    while (true) {
      if (!cursor.step()) {
        row = null;
        return false;
      }
      row = it.key();
      TupleReader r = new TupleReader(row, prefix.length);
      int end = prefix.length;
      for (int i = fixed; i < inverted.length; i++) {
        int start = end;
        end = r.skipValue(inverted[i]);
        if (i == fixed && !range.excluded().isEmpty()) {
          byte[] v = Bytes.slice(row, start, end);
          if (!range.contains(inverted[i] ? Bytes.invert(v) : v)) {
            end = -1;
            break;
          }
        }
      }
      if (end < 0) {
        continue;
      }
      pathStart = end;
      if (!keys.isAll() && !keys.contains(row, pathStart, row.length)) {
        continue;
      }
      return true;
    }
  }

  @Override
  public byte[] rowKey() {
    return row;
  }

  @Override
  public int pathStart() {
    return pathStart;
  }

  @Override
  public int valueStart() {
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

  /** Repositions so that the next candidate is the first one at or after {@code position}. */
  void seekTo(byte[] position) {
    cursor.seek(Bytes.concat(prefix, position));
  }

  @Override
  public void seekAfter(byte[] position) {
    cursor.seek(Bytes.concat(Bytes.concat(prefix, position), new byte[] {0}));
  }

  /** Whether {@code rowKey} (a row of this index) is one this scan returns. */
  boolean accepts(byte[] rowKey) {
    if (!Bytes.startsWith(rowKey, prefix)
        || Bytes.compare(rowKey, lower()) < 0
        || Bytes.compare(rowKey, upper()) >= 0) {
      return false;
    }
    TupleReader r = new TupleReader(rowKey, prefix.length);
    int end = prefix.length;
    for (int i = fixed; i < inverted.length; i++) {
      int start = end;
      end = r.skipValue(inverted[i]);
      if (i == fixed && !range.excluded().isEmpty()) {
        byte[] v = Bytes.slice(rowKey, start, end);
        if (!range.contains(inverted[i] ? Bytes.invert(v) : v)) {
          return false;
        }
      }
    }
    return keys.isAll() || keys.contains(rowKey, end, rowKey.length);
  }

  /** The stored encodings of the row's values from the first unfixed property on. */
  byte[] unfixedValues(byte[] rowKey) {
    TupleReader r = new TupleReader(rowKey, prefix.length);
    int end = prefix.length;
    for (int i = fixed; i < inverted.length; i++) {
      end = r.skipValue(inverted[i]);
    }
    return Bytes.slice(rowKey, prefix.length, end);
  }

  byte[] prefixBytes() {
    return prefix;
  }

  /** The values of the row's properties from the first unfixed one on, with meanings. */
  java.util.List<dev.megalite.api.Value> values(byte[] rowKey, byte[] rowValue) {
    java.util.List<dev.megalite.api.Value> out = new java.util.ArrayList<>();
    int end = prefix.length;
    for (int i = fixed; i < inverted.length; i++) {
      int start = end;
      end = new TupleReader(rowKey, start).skipValue(inverted[i]);
      byte[] v = Bytes.slice(rowKey, start, end);
      out.add(RowKeys.valueAt(inverted[i] ? Bytes.invert(v) : v, 0,
          dev.megalite.engine.index.CompositeIndex.meaning(rowValue, i)));
    }
    return out;
  }

  @Override
  public void close() {
    it.close();
  }
}
