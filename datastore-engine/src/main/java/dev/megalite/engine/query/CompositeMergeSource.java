package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import java.util.List;

/**
 * Runs a {@link Plan.CompositeMergeJoin}: composite scans whose positions (the shared ordered
 * suffix, then the key path) are comparable; the scan that is behind seeks to the position the
 * others are at, until all agree.
 */
final class CompositeMergeSource implements Source {
  private final List<CompositeScanSource> scans;
  private boolean started;
  private boolean positioned;

  CompositeMergeSource(List<CompositeScanSource> scans) {
    this.scans = scans;
  }

  List<CompositeScanSource> scans() {
    return scans;
  }

  @Override
  public boolean next() {
    if (!started || positioned) {
      started = true;
      positioned = false;
      for (CompositeScanSource s : scans) {
        if (!s.next()) {
          return false;
        }
      }
    } else if (!scans.get(0).next()) {
      return false;
    }
    return align();
  }

  private boolean align() {
    while (true) {
      byte[] max = null;
      for (CompositeScanSource s : scans) {
        byte[] p = s.position();
        if (max == null || Bytes.compare(p, max) > 0) {
          max = p;
        }
      }
      boolean agree = true;
      for (CompositeScanSource s : scans) {
        if (Bytes.compare(s.position(), max) < 0) {
          agree = false;
          s.seekTo(max);
          if (!s.next()) {
            return false;
          }
        }
      }
      if (agree) {
        return true;
      }
    }
  }

  @Override
  public byte[] rowKey() {
    return scans.get(0).rowKey();
  }

  @Override
  public int pathStart() {
    return scans.get(0).pathStart();
  }

  @Override
  public int valueStart() {
    return scans.get(0).valueStart();
  }

  @Override
  public byte[] rowValue() {
    return scans.get(0).rowValue();
  }

  @Override
  public byte[] position() {
    return scans.get(0).position();
  }

  @Override
  public void seekAfter(byte[] position) {
    started = true;
    positioned = true;
    for (CompositeScanSource s : scans) {
      s.seekAfter(position);
    }
  }

  /** Whether any scan's current row belongs to an entity with several rows in its index. */
  boolean anyMultiValued() {
    for (CompositeScanSource s : scans) {
      if (dev.megalite.engine.index.PropertyRowFlags.multiValued(s.rowValue())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    for (CompositeScanSource s : scans) {
      s.close();
    }
  }
}
