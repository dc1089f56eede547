package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import java.util.List;

/**
 * Merges the sources of several branches in query order (ties by branch number). Duplicates are
 * removed by the caller, which can see the entity; this only orders.
 */
final class UnionSource implements Source {
  private final List<BranchSource> sources;
  private final byte[][] heads;
  private boolean started;
  private int current = -1;

  UnionSource(List<BranchSource> sources) {
    this.sources = sources;
    this.heads = new byte[sources.size()][];
  }

  /** The branch of the current candidate. */
  int branch() {
    return current;
  }

  @Override
  public boolean next() {
    if (!started) {
      started = true;
      for (int i = 0; i < sources.size(); i++) {
        advance(i);
      }
    } else if (current >= 0) {
      advance(current);
    }
    current = -1;
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] != null && (current < 0 || Bytes.compare(heads[i], heads[current]) < 0)) {
        current = i;
      }
    }
    return current >= 0;
  }

  private void advance(int i) {
    heads[i] = sources.get(i).next() ? sources.get(i).position() : null;
  }

  @Override
  public byte[] rowKey() {
    return sources.get(current).rowKey();
  }

  @Override
  public int pathStart() {
    return sources.get(current).pathStart();
  }

  @Override
  public int valueStart() {
    return sources.get(current).valueStart();
  }

  @Override
  public byte[] rowValue() {
    return sources.get(current).rowValue();
  }

  @Override
  public byte[] position() {
    return heads[current];
  }

  @Override
  public void seekAfter(byte[] position) {
    for (BranchSource s : sources) {
      s.seekAfter(position);
    }
  }

  @Override
  public void close() {
    for (BranchSource s : sources) {
      s.close();
    }
  }
}
