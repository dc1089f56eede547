package dev.megalite.engine;

import dev.megalite.api.Key;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over entity groups. A commit locks the stripes of every group it writes, always in
 * ascending stripe order, so two commits can never wait on each other in a cycle.
 */
final class GroupLocks {
  private static final int STRIPES = 1024;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  GroupLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Locks the stripes of {@code roots}; returns them, sorted, for {@link #unlock}. */
  int[] lock(Collection<Key> roots) {
    boolean[] want = new boolean[STRIPES];
    int n = 0;
    for (Key root : roots) {
      int s = Math.floorMod(root.hashCode(), STRIPES);
      if (!want[s]) {
        want[s] = true;
        n++;
      }
    }
    int[] stripes = new int[n];
    int j = 0;
    for (int s = 0; s < STRIPES; s++) {
      if (want[s]) {
        stripes[j++] = s;
      }
    }
    for (int i = 0; i < stripes.length; i++) {
      locks[stripes[i]].lock();
    }
    return stripes;
  }

  void unlock(int[] stripes) {
    for (int i = stripes.length - 1; i >= 0; i--) {
      locks[stripes[i]].unlock();
    }
  }
}
