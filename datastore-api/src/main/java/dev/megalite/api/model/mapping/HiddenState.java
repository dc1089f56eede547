package dev.megalite.api.model.mapping;

import dev.megalite.api.Key;
import dev.megalite.api.Value;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * What a loaded instance carries that no field holds: the stored properties no field maps, and the
 * parent of a key when the class has no {@code @Parent} field. Kept beside the instance, by
 * identity and weakly, so that a put of the same instance writes them back and a dropped instance
 * takes them with it. Only instances loaded with such state have an entry; the common case costs
 * one volatile read.
 */
final class HiddenState {
  /** The state of one instance. */
  record State(Key parent, Map<String, Value> unknown) {}

  private static final Object LOCK = new Object();
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<Ref, State> TABLE = new HashMap<>();
  private static volatile int size;

  private HiddenState() {}

  static void put(Object instance, State state) {
    synchronized (LOCK) {
      expunge();
      TABLE.put(new Ref(instance, QUEUE), state);
      size = TABLE.size();
    }
  }

  static State get(Object instance) {
    if (size == 0) {
      return null;
    }
    synchronized (LOCK) {
      expunge();
      return TABLE.get(new Ref(instance, null));
    }
  }

  private static void expunge() {
    java.lang.ref.Reference<?> r;
    boolean removed = false;
    while ((r = QUEUE.poll()) != null) {
      TABLE.remove(r);
      removed = true;
    }
    if (removed) {
      size = TABLE.size();
    }
  }

  /** A weak reference compared by the identity of its referent (by itself once cleared). */
  private static final class Ref extends WeakReference<Object> {
    private final int hash;

    Ref(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Ref r) || r.hash != hash) {
        return false;
      }
      Object mine = get();
      return mine != null && mine == r.get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
