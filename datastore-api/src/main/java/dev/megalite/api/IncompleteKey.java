package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A key whose last element has neither id nor name yet: an id is allocated for it on put. */
public final class IncompleteKey implements BaseKey {
  private final String project;
  private final String namespace;
  private final Key parent;
  private final String kind;

  private IncompleteKey(String project, String namespace, Key parent, String kind) {
    PathElement.validateKind(kind);
    this.project = project;
    this.namespace = namespace;
    this.parent = parent;
    this.kind = kind;
  }

  /** An incomplete root key. */
  public static IncompleteKey of(String project, String namespace, String kind) {
    Key.validateProject(project);
    Key.validateNamespace(namespace);
    return new IncompleteKey(project, namespace, null, kind);
  }

  /** An incomplete root key in the default namespace. */
  public static IncompleteKey of(String project, String kind) {
    return of(project, "", kind);
  }

  /** An incomplete child of {@code parent}. */
  public static IncompleteKey of(Key parent, String kind) {
    if (parent == null) {
      throw new BadRequestException("parent key is null; use IncompleteKey.of(project, kind)");
    }
    if (parent.path().size() >= Key.MAX_PATH_DEPTH) {
      throw new BadRequestException(
          "key path would have "
              + (parent.path().size() + 1)
              + " elements; the limit is "
              + Key.MAX_PATH_DEPTH);
    }
    return new IncompleteKey(parent.project(), parent.namespace(), parent, kind);
  }

  /** The complete key with id {@code id}. */
  public Key withId(long id) {
    return parent == null ? Key.of(project, namespace, kind, id) : parent.child(kind, id);
  }

  /** The complete key with name {@code name}. */
  public Key withName(String name) {
    return parent == null ? Key.of(project, namespace, kind, name) : parent.child(kind, name);
  }

  @Override
  public String project() {
    return project;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Key parent() {
    return parent;
  }

  @Override
  public List<PathElement> path() {
    List<PathElement> p = new ArrayList<>();
    if (parent != null) {
      p.addAll(parent.path());
    }
    p.add(PathElement.incomplete(kind));
    return Collections.unmodifiableList(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncompleteKey k
        && project.equals(k.project)
        && namespace.equals(k.namespace)
        && kind.equals(k.kind)
        && (parent == null ? k.parent == null : parent.equals(k.parent));
  }

  @Override
  public int hashCode() {
    return ((project.hashCode() * 31 + namespace.hashCode()) * 31 + kind.hashCode()) * 31
        + (parent == null ? 0 : parent.hashCode());
  }

  @Override
  public String toString() {
    return "IncompleteKey(" + (parent == null ? "" : parent + " / ") + kind + ":?)";
  }
}
