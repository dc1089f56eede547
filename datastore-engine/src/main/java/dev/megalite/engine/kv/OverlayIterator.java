package dev.megalite.engine.kv;

import dev.megalite.api.error.StorageException;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * The iterator of an {@link OverlayView}: the base iterator with patched keys skipped, merged by
 * key with the patch's values in range. Every key belongs to exactly one side, so the merge never
 * sees a tie.
 *
 * <p>Moving forward, the base iterator rests on its first unpatched key at or after the current
 * key; moving backward, on its last unpatched key at or before it. A change of direction
 * re-seeks the base once; the patch side is a sorted map, asked afresh at every step.
 */
final class OverlayIterator implements KvIterator {
  private final KvIterator base;
  private final NavigableMap<byte[], byte[]> patched;
  private final NavigableMap<byte[], byte[]> present;
  private final byte[] lower;

  private byte[] key;
  private byte[] value;
  private boolean fromBase;
  private boolean forward = true;
  private boolean closed;

  /** {@code present} is already cut to the iterator's range; {@code base} is bounded by it. */
  OverlayIterator(KvIterator base, NavigableMap<byte[], byte[]> patched,
      NavigableMap<byte[], byte[]> present, byte[] lower) {
    this.base = base;
    this.patched = patched;
    this.present = present;
    this.lower = lower;
  }

  @Override
  public void seekToFirst() {
    seek(lower);
  }

  @Override
  public void seek(byte[] target) {
    checkOpen();
    base.seek(target);
    skipPatchedForward();
    forward = true;
    pickForward(present.ceilingEntry(target));
  }

  @Override
  public void seekForPrev(byte[] target) {
    checkOpen();
    base.seekForPrev(target);
    skipPatchedBackward();
    forward = false;
    pickBackward(present.floorEntry(target));
  }

  @Override
  public void next() {
    checkPositioned();
    byte[] at = key;
    if (!forward) {
      base.seek(at);
      skipPatchedForward();
      forward = true;
    }
    if (fromBase) {
      base.next();
      skipPatchedForward();
    }
    pickForward(present.higherEntry(at));
  }

  @Override
  public void prev() {
    checkPositioned();
    byte[] at = key;
    if (forward) {
      base.seekForPrev(at);
      skipPatchedBackward();
      forward = false;
    }
    if (fromBase) {
      base.prev();
      skipPatchedBackward();
    }
    pickBackward(present.lowerEntry(at));
  }

  @Override
  public boolean valid() {
    checkOpen();
    return key != null;
  }

  @Override
  public byte[] key() {
    checkPositioned();
    return key.clone();
  }

  @Override
  public byte[] value() {
    checkPositioned();
    // The base rests on the current key when it supplied it; read its value only when asked.
    return fromBase ? base.value() : value.clone();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      key = null;
      value = null;
      base.close();
    }
  }

  private void skipPatchedForward() {
    while (base.valid() && patched.containsKey(base.key())) {
      base.next();
    }
  }

  private void skipPatchedBackward() {
    while (base.valid() && patched.containsKey(base.key())) {
      base.prev();
    }
  }

  /** Takes the smaller of the base's key and the patch's candidate. */
  private void pickForward(Map.Entry<byte[], byte[]> candidate) {
    byte[] baseKey = base.valid() ? base.key() : null;
    pick(baseKey, candidate,
        baseKey != null
            && (candidate == null || Arrays.compareUnsigned(baseKey, candidate.getKey()) < 0));
  }

  /** Takes the larger of the base's key and the patch's candidate. */
  private void pickBackward(Map.Entry<byte[], byte[]> candidate) {
    byte[] baseKey = base.valid() ? base.key() : null;
    pick(baseKey, candidate,
        baseKey != null
            && (candidate == null || Arrays.compareUnsigned(baseKey, candidate.getKey()) > 0));
  }

  private void pick(byte[] baseKey, Map.Entry<byte[], byte[]> candidate, boolean takeBase) {
    fromBase = takeBase;
    if (takeBase) {
      key = baseKey;
      value = null;
    } else if (candidate != null) {
      key = candidate.getKey();
      value = candidate.getValue();
    } else {
      key = null;
      value = null;
    }
  }

  private void checkPositioned() {
    if (!valid()) {
      throw new NoSuchElementException("iterator is not positioned on an entry");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("iterator is closed");
    }
  }
}
