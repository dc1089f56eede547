package dev.megalite.engine.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A base view with some keys replaced or removed: for every key the {@link Patch} names, the patch
 * answers (its value, or absent); the base answers for all other keys. Point reads and iterators,
 * in both directions, merge the two by key, so the result reads like one ordered store.
 *
 * <p>The patch is copied when the view is made; the view is as thread-safe as its base. Closing
 * the base (a snapshot) is the caller's business.
 */
public final class OverlayView implements ReadView {
  /** Marks a removed key in a patch; compared by identity, never handed out. */
  static final byte[] REMOVED = new byte[0];

  private final ReadView base;
  /** Every patched key, removed ones included: these hide the base's rows. */
  private final NavigableMap<byte[], byte[]> patched;
  /** The patched keys that have a value: these are merged into iteration. */
  private final NavigableMap<byte[], byte[]> present;

  public OverlayView(ReadView base, Patch patch) {
    this.base = Objects.requireNonNull(base, "base");
    TreeMap<byte[], byte[]> all = new TreeMap<>(patch.entries);
    TreeMap<byte[], byte[]> values = new TreeMap<>(Arrays::compareUnsigned);
    for (Map.Entry<byte[], byte[]> e : all.entrySet()) {
      if (e.getValue() != REMOVED) {
        values.put(e.getKey(), e.getValue());
      }
    }
    this.patched = Collections.unmodifiableNavigableMap(all);
    this.present = Collections.unmodifiableNavigableMap(values);
  }

  private OverlayView(ReadView base, OverlayView same) {
    this.base = Objects.requireNonNull(base, "base");
    this.patched = same.patched;
    this.present = same.present;
  }

  /** The same patch over another base, without copying it again. */
  public OverlayView withBase(ReadView otherBase) {
    return new OverlayView(otherBase, this);
  }

  @Override
  public byte[] get(byte[] key) {
    Objects.requireNonNull(key, "key");
    byte[] v = patched.get(key);
    if (v == null) {
      return base.get(key);
    }
    return v == REMOVED ? null : v.clone();
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    List<byte[]> out = new ArrayList<>(Collections.nCopies(keys.size(), (byte[]) null));
    List<byte[]> fromBase = new ArrayList<>(keys.size());
    List<Integer> positions = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      byte[] v = patched.get(keys.get(i));
      if (v == null) {
        fromBase.add(keys.get(i));
        positions.add(i);
      } else if (v != REMOVED) {
        out.set(i, v.clone());
      }
    }
    if (!fromBase.isEmpty()) {
      List<byte[]> read = base.multiGet(fromBase);
      for (int j = 0; j < read.size(); j++) {
        out.set(positions.get(j), read.get(j));
      }
    }
    return out;
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    Objects.requireNonNull(lower, "lower");
    NavigableMap<byte[], byte[]> inRange =
        upper == null ? present.tailMap(lower, true) : present.subMap(lower, true, upper, false);
    return new OverlayIterator(base.iterator(lower, upper), patched, inRange, lower);
  }

  /** The keys to replace or remove, gathered before the view is made. Not thread-safe. */
  public static final class Patch {
    private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

    /** Makes {@code key} read as {@code value}. The patch keeps both arrays: do not change them. */
    public Patch put(byte[] key, byte[] value) {
      entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Makes {@code key} read as absent. */
    public Patch remove(byte[] key) {
      entries.put(Objects.requireNonNull(key, "key"), REMOVED);
      return this;
    }

    /** Adds every entry of {@code other}; where both name a key, {@code other} wins. */
    public Patch putAll(Patch other) {
      entries.putAll(other.entries);
      return this;
    }

    public boolean isEmpty() {
      return entries.isEmpty();
    }

    public int size() {
      return entries.size();
    }
  }
}
