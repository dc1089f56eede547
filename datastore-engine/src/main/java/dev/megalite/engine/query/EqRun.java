package dev.megalite.engine.query;

import dev.megalite.api.Key;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.ReadView;

/**
 * The rows of one property index for one value, in key order (within an ancestor and key range):
 * one input of a merge join.
 */
final class EqRun implements AutoCloseable {
  private final byte[] runPrefix;
  private final KvIterator it;

  EqRun(ReadView view, String project, String namespace, String kind, EqFilter eq, Key ancestor,
      KeyRange keys) {
    runPrefix = Bytes.concat(RowKeys.propertyPrefix(project, namespace, kind, eq.property()),
        eq.encoded());
    byte[] lower = runPrefix;
    if (ancestor != null) {
      lower = Bytes.concat(runPrefix, RowKeys.pathPrefix(ancestor.path()));
    }
    byte[] upper = Bytes.prefixEnd(lower);
    if (keys.seekStart() != null) {
      byte[] s = Bytes.concat(runPrefix, keys.seekStart());
      if (Bytes.compare(s, lower) > 0) {
        lower = s;
      }
    }
    if (keys.end() != null) {
      byte[] e = Bytes.concat(runPrefix, keys.end());
      if (upper == null || Bytes.compare(e, upper) < 0) {
        upper = e;
      }
    }
    it = view.iterator(lower, upper);
  }

  void seekToFirst() {
    it.seekToFirst();
  }

  /** Positions at the first row whose path is {@code >= path}. */
  void seek(byte[] path) {
    it.seek(Bytes.concat(runPrefix, path));
  }

  void next() {
    it.next();
  }

  boolean valid() {
    return it.valid();
  }

  byte[] rowKey() {
    return it.key();
  }

  int pathStart() {
    return runPrefix.length;
  }

  byte[] rowValue() {
    return it.value();
  }

  @Override
  public void close() {
    it.close();
  }
}
