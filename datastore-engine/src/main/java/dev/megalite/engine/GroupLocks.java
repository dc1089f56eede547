package dev.megalite.engine;

import dev.megalite.api.Key;
import java.util.Arrays;
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
    int[] all = new int[roots.size()];
    int i = 0;
    for (Key root : roots) {
      all[i++] = Math.floorMod(root.hashCode(), STRIPES);
    }
    Arrays.sort(all);
    int n = 0;
    for (int j = 0; j < all.length; j++) {
      if (n == 0 || all[j] != all[n - 1]) {
        all[n++] = all[j];
      }
    }
    int[] stripes = n == all.length ? all : Arrays.copyOf(all, n);
    for (int s : stripes) {
      locks[s].lock();
    }
    return stripes;
  }

  void unlock(int[] stripes) {
    for (int i = stripes.length - 1; i >= 0; i--) {
      locks[stripes[i]].unlock();
    }
  }
}
