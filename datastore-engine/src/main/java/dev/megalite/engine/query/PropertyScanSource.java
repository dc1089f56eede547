package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@link Plan.PropertyScan} over the ascending property index. Ascending, it reads the
 * value range forward. Descending, it reads each value's run of rows backwards and returns it in
 * key order (ties stay in key order, as App Engine orders them), which leaves the iterator on the
 * last row of the next run down, so runs of distinct values cost no seek. A run longer than
 * {@value #RUN_BUFFER} rows is read forward instead, from a seek to its start, and the next run
 * down is found with a seek; memory stays bounded either way.
 */
final class PropertyScanSource implements Source {
  /** The most rows of one value a descending scan holds to return them in key order. */
  static final int RUN_BUFFER = 64;

  private final byte[] prefix;
  private final ValueRange range;
  private final KeyRange keys;
  private final boolean descending;
  private final KvIterator it;
  private final ScanCursor ascending;
  private final byte[] scanLower;
  private final byte[] scanUpper;

  private boolean positioned;
  private byte[] row;
  private int valueEnd;
  /** Descending: the value run being read (prefix + value), and the bound below which to look. */
  private byte[] run;
  private byte[] below;
  /** Descending: the run, read backwards whole, in key order; the row is at {@code runNext - 1}. */
  private final List<byte[]> runKeys = new ArrayList<>();
  private final List<byte[]> runValues = new ArrayList<>();
  private int runNext;
  private boolean buffered;
  /** Descending: the iterator rests on the last row of the next run down (or is past the end). */
  private boolean atNextRun;

  PropertyScanSource(ReadView view, String project, String namespace, Plan.PropertyScan plan) {
    this.prefix = RowKeys.propertyPrefix(project, namespace, plan.kind(), plan.property());
    this.range = plan.range();
    this.keys = plan.keys();
    this.descending = plan.descending();
    ValueRange r = plan.range();
    if (r.lower() == null) {
      scanLower = prefix;
    } else if (r.lowerInclusive()) {
      scanLower = Bytes.concat(prefix, r.lower());
    } else {
      scanLower = Bytes.prefixEnd(Bytes.concat(prefix, r.lower()));
    }
    if (r.upper() == null) {
      scanUpper = Bytes.prefixEnd(prefix);
    } else if (r.upperInclusive()) {
      scanUpper = Bytes.prefixEnd(Bytes.concat(prefix, r.upper()));
    } else {
      scanUpper = Bytes.concat(prefix, r.upper());
    }
    this.it = view.iterator(scanLower, scanUpper);
    this.ascending = new ScanCursor(it);
    this.below = scanUpper;
  }

  @Override
  public boolean next() {
    while (true) {
      if (!step()) {
        row = null;
        return false;
      }
      row = buffered ? runKeys.get(runNext - 1) : it.key();
      valueEnd = RowKeys.valueEnd(row, prefix.length);
      if (!range.excluded().isEmpty()
          && !range.containsSlice(row, prefix.length, valueEnd)) {
        if (descending) {
          below = run; // the whole run has this excluded value: look below it
          run = null;
          buffered = false;
        }
        continue;
      }
      if (!keys.isAll() && !keys.contains(row, valueEnd, row.length)) {
        continue;
      }
      return true;
    }
  }

  /** Moves to the next row in scan order, before any filtering. */
  private boolean step() {
    if (!descending) {
      return ascending.step();
    }
    if (run != null && buffered) {
      if (runNext < runKeys.size()) {
        runNext++;
        return true;
      }
      buffered = false;
      below = run;
      run = null;
    } else if (run != null) {
      if (!positioned) {
        it.next();
      }
      positioned = false;
      if (it.valid() && Bytes.startsWith(it.key(), run)) {
        return true;
      }
      below = run;
      run = null;
      atNextRun = false;
    }
    positioned = false;
    if (!atNextRun) {
      // Find the largest value below the last run: the row just before `below`.
      if (below == null || Bytes.compare(below, scanLower) <= 0) {
        return false;
      }
      it.seekForPrev(below);
      if (it.valid() && Arrays.equals(it.key(), below)) {
        it.prev();
      }
    }
    atNextRun = false;
    if (!it.valid()) {
      return false;
    }
    return readRunBackwards();
  }

  /**
   * Reads the run the iterator rests on the last row of, backwards, into {@link #runKeys} in key
   * order, leaving the iterator on the last row of the next run down; or, when the run is longer
   * than {@link #RUN_BUFFER}, seeks to its first row to read it forward.
   */
  private boolean readRunBackwards() {
    byte[] k = it.key();
    run = Arrays.copyOf(k, RowKeys.valueEnd(k, prefix.length));
    runKeys.clear();
    runValues.clear();
    while (Bytes.startsWith(k, run)) {
      if (runKeys.size() == RUN_BUFFER) {
        runKeys.clear();
        runValues.clear();
        it.seek(run);
        return it.valid();
      }
      runKeys.add(k);
      runValues.add(it.value());
      it.prev();
      if (!it.valid()) {
        break;
      }
      k = it.key();
    }
    Collections.reverse(runKeys);
    Collections.reverse(runValues);
    atNextRun = true;
    buffered = true;
    runNext = 1;
    return true;
  }

  @Override
  public byte[] rowKey() {
    return row;
  }

  @Override
  public int pathStart() {
    return valueEnd;
  }

  @Override
  public int valueStart() {
    return prefix.length;
  }

  @Override
  public byte[] rowValue() {
    return buffered ? runValues.get(runNext - 1) : it.value();
  }

  @Override
  public byte[] position() {
    if (!descending) {
      return Bytes.slice(row, prefix.length, row.length);
    }
    byte[] out = new byte[row.length - prefix.length];
    for (int i = prefix.length; i < valueEnd; i++) {
      out[i - prefix.length] = (byte) ~row[i];
    }
    System.arraycopy(row, valueEnd, out, valueEnd - prefix.length, row.length - valueEnd);
    return out;
  }

  @Override
  public void seekAfter(byte[] position) {
    if (!descending) {
      ascending.seek(Bytes.concat(Bytes.concat(prefix, position), new byte[] {0}));
      return;
    }
    // position = inverted value + path: resume inside that value's run, after the path.
    positioned = true;
    buffered = false;
    atNextRun = false;
    int end = new TupleReader(position).skipValue(true);
    byte[] value = Bytes.invert(Arrays.copyOf(position, end));
    run = Bytes.concat(prefix, value);
    byte[] after = Bytes.concat(Bytes.concat(run, Arrays.copyOfRange(position, end, position.length)),
        new byte[] {0});
    it.seek(after);
  }

  @Override
  public void close() {
    it.close();
  }
}
