package dev.megalite.engine.query;

import dev.megalite.api.Key;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;

/**
 * Runs a {@link Plan.KindScan} in key order: kindless, over the entity rows; with a kind, over the
 * kind index; with a kind and an ancestor, over the entity rows under the ancestor first.
 *
 * <p>Entity rows hold the entities themselves, so a run over them needs no second read per
 * result. Under an ancestor they are contiguous, but they include the descendants of other
 * kinds, which are read and passed over: once those outnumber the matching rows (and a few dozen
 * more), the scan moves to the kind index, which holds only the kind, after the last row read.
 * Both keyspaces order rows by key path, and a position is the key path in either, so results,
 * their order and cursors are the same whichever is read.
 */
final class KindScanSource implements Source {
  /** Rows of other kinds passed over, beyond the matching ones, before the kind index is used. */
  static final int OTHER_KINDS_ALLOWANCE = 64;

  private final ReadView view;
  private final Plan.KindScan plan;
  private final byte[] kindPrefix;
  /** The kind as the last path element starts, while entity rows are read for a kind; else null. */
  private byte[] pathKind;
  private boolean entityRows;
  private byte[] prefix;
  private KvIterator it;
  private ScanCursor cursor;
  private byte[] row;
  private int matched;
  private int passedOver;

  KindScanSource(ReadView view, String project, String namespace, Plan.KindScan plan) {
    this.view = view;
    this.plan = plan;
    this.kindPrefix =
        plan.kind() == null ? null : RowKeys.kindPrefix(project, namespace, plan.kind());
    this.entityRows = plan.kind() == null || plan.ancestor() != null;
    if (entityRows) {
      this.prefix = RowKeys.scope(Keyspace.ENTITY, project, namespace);
      this.pathKind = plan.kind() == null ? null : RowKeys.pathKind(plan.kind());
    } else {
      this.prefix = kindPrefix;
    }
    open();
  }

  /** Opens the iterator over {@link #prefix}'s keyspace, within the ancestor and key bounds. */
  private void open() {
    byte[] lower = prefix;
    byte[] upper = Bytes.prefixEnd(prefix);
    Key ancestor = plan.ancestor();
    if (ancestor != null) {
      lower = Bytes.concat(prefix, RowKeys.pathPrefix(ancestor.path()));
      upper = Bytes.prefixEnd(lower);
    }
    KeyRange keys = plan.keys();
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

  /** Whether the current row is an entity row, whose value is the entity. */
  boolean readsEntityRows() {
    return entityRows;
  }

  @Override
  public boolean next() {
    while (cursor.step()) {
      row = it.key();
      if (pathKind == null || RowKeys.lastKindIs(row, prefix.length, pathKind)) {
        matched++;
        return true;
      }
      if (++passedOver > matched + OTHER_KINDS_ALLOWANCE) {
        byte[] passed = position();
        it.close();
        prefix = kindPrefix;
        pathKind = null;
        entityRows = false;
        open();
        seekAfter(passed);
      }
    }
    row = null;
    return false;
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
