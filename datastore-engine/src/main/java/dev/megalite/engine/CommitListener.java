package dev.megalite.engine;

import dev.megalite.api.Key;
import java.util.Set;

/** Told by the {@link Committer} about each commit it is about to write. */
interface CommitListener {
  /** Listens to nothing. */
  CommitListener NONE = roots -> {};

  /**
   * The commit is about to write to the entity groups {@code roots}: their locks are held, their
   * expected versions checked, and nothing is written yet.
   */
  void beforeWrite(Set<Key> roots);
}
