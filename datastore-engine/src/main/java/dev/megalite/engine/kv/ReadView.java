package dev.megalite.engine.kv;

import java.util.List;

/** Point and range reads over an ordered key-value space. */
public interface ReadView {

  /** The value stored under {@code key}, or {@code null}. */
  byte[] get(byte[] key);

  /**
   * The values of {@code keys}, in the same order, {@code null} for absent keys. Backends batch
   * the lookups where they can.
   */
  List<byte[]> multiGet(List<byte[]> keys);

  /**
   * An iterator over the keys in {@code [lower, upper)}, unpositioned until {@link
   * KvIterator#seek} or {@link KvIterator#seekToFirst} is called. {@code upper} may be null for
   * "no upper bound". Close it when done.
   *
   * <p>The iterator reads one consistent state: the store as of the iterator's creation (writes
   * made later do not show through), or the snapshot it came from. An iterator from a snapshot may
   * be closed before or after that snapshot; it stays valid until it is itself closed or the
   * store closes.
   */
  KvIterator iterator(byte[] lower, byte[] upper);
}
