package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.kv.ReadView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link Plan.MergeJoin}: a zigzag join of equality runs, all in key order. The run that is
 * behind seeks straight to the key the others are at, so the join skips what cannot match.
 */
final class MergeJoinSource implements Source {
  private final List<EqRun> runs = new ArrayList<>();
  private boolean started;
  private boolean positioned;
  private byte[] row;
  private byte[] value;
  private int pathStart;

  MergeJoinSource(ReadView view, String project, String namespace, Plan.MergeJoin plan) {
    try {
      for (EqFilter eq : plan.equalities()) {
        runs.add(new EqRun(view, project, namespace, plan.kind(), eq, plan.ancestor(), plan.keys()));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      for (EqRun r : runs) {
        r.seekToFirst();
      }
    } else if (!positioned && row != null) {
      runs.get(0).next();
    }
    positioned = false;
    row = null;
    return align();
  }

  /** Moves every run to the smallest path that all of them contain. */
  private boolean align() {
    while (true) {
      byte[] max = null;
      for (EqRun r : runs) {
        if (!r.valid()) {
          return false;
        }
        byte[] k = r.rowKey();
        byte[] path = Arrays.copyOfRange(k, r.pathStart(), k.length);
        if (max == null || Bytes.compare(path, max) > 0) {
          max = path;
        }
      }
      boolean allEqual = true;
      for (EqRun r : runs) {
        byte[] k = r.rowKey();
        if (!Arrays.equals(k, r.pathStart(), k.length, max, 0, max.length)) {
          r.seek(max);
          allEqual = false;
        }
      }
      if (allEqual) {
        EqRun first = runs.get(0);
        row = first.rowKey();
        value = first.rowValue();
        pathStart = first.pathStart();
        return true;
      }
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
  public byte[] rowValue() {
    return value;
  }

  @Override
  public byte[] position() {
    return Bytes.slice(row, pathStart, row.length);
  }

  @Override
  public void seekAfter(byte[] position) {
    started = true;
    positioned = true;
    byte[] after = Bytes.concat(position, new byte[] {0});
    for (EqRun r : runs) {
      r.seek(after);
    }
  }

  @Override
  public void close() {
    for (EqRun r : runs) {
      r.close();
    }
  }
}
