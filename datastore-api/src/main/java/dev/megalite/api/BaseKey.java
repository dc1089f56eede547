package dev.megalite.api;

import java.util.List;

/**
 * What {@link Key} and {@link IncompleteKey} share: a project, a namespace and a kind, possibly
 * under a parent.
 */
public sealed interface BaseKey permits Key, IncompleteKey {

  String project();

  /** The namespace; "" is the default namespace. */
  String namespace();

  /** The kind of the last path element. */
  String kind();

  /** The parent key, or {@code null} for a root. */
  Key parent();

  /** The full path; for an incomplete key its last element has neither id nor name. */
  List<PathElement> path();

  default boolean isComplete() {
    return this instanceof Key;
  }
}
