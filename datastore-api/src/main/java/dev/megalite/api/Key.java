package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A complete datastore key: project, namespace and a path of (kind, id | name) elements, the first
 * of which is the entity-group root. Immutable; ordered as App Engine orders keys (project,
 * namespace, then path element by element: kind, then ids before names).
 */
public final class Key implements BaseKey, Comparable<Key> {

  /** The deepest key path App Engine accepts. */
  public static final int MAX_PATH_DEPTH = 100;

  private static final String PROJECT_PUNCTUATION = "._~:-";
  private static final String NAMESPACE_PUNCTUATION = "._-";

  private final String project;
  private final String namespace;
  private final List<PathElement> path;
  private int hash;

  private Key(String project, String namespace, List<PathElement> path) {
    this.project = project;
    this.namespace = namespace;
    this.path = path;
  }

  /** A root key with a numeric id. */
  public static Key of(String project, String kind, long id) {
    return of(project, "", List.of(PathElement.of(kind, id)));
  }

  /** A root key with a name. */
  public static Key of(String project, String kind, String name) {
    return of(project, "", List.of(PathElement.of(kind, name)));
  }

  /** A key from its parts; every element must be complete. */
  public static Key of(String project, String namespace, List<PathElement> path) {
    validateProject(project);
    validateNamespace(namespace);
    if (path == null || path.isEmpty()) {
      throw new BadRequestException("key path is empty");
    }
    if (path.size() > MAX_PATH_DEPTH) {
      throw new BadRequestException(
          "key path has " + path.size() + " elements; the limit is " + MAX_PATH_DEPTH);
    }
    for (PathElement e : path) {
      if (e == null || !e.isComplete()) {
        throw new BadRequestException(
            "key path element " + e + " is incomplete; only the last element of an"
                + " IncompleteKey may lack an id or name");
      }
    }
    return new Key(project, namespace, List.copyOf(path));
  }

  /** A key in namespace {@code namespace}; otherwise as {@link #of(String, String, long)}. */
  public static Key of(String project, String namespace, String kind, long id) {
    return of(project, namespace, List.of(PathElement.of(kind, id)));
  }

  /** A key in namespace {@code namespace}; otherwise as {@link #of(String, String, String)}. */
  public static Key of(String project, String namespace, String kind, String name) {
    return of(project, namespace, List.of(PathElement.of(kind, name)));
  }

  /** The child of this key with a numeric id. */
  public Key child(String kind, long id) {
    return append(PathElement.of(kind, id));
  }

  /** The child of this key with a name. */
  public Key child(String kind, String name) {
    return append(PathElement.of(kind, name));
  }

  /** A child of this key whose id is allocated on put. */
  public IncompleteKey newChild(String kind) {
    return IncompleteKey.of(this, kind);
  }

  private Key append(PathElement e) {
    if (path.size() >= MAX_PATH_DEPTH) {
      throw new BadRequestException(
          "key path would have " + (path.size() + 1) + " elements; the limit is " + MAX_PATH_DEPTH);
    }
    List<PathElement> p = new ArrayList<>(path.size() + 1);
    p.addAll(path);
    p.add(e);
    return new Key(project, namespace, Collections.unmodifiableList(p));
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
  public List<PathElement> path() {
    return path;
  }

  private PathElement last() {
    return path.get(path.size() - 1);
  }

  @Override
  public String kind() {
    return last().kind();
  }

  /** The id of the last element, or 0 when it has a name. */
  public long id() {
    return last().id();
  }

  /** The name of the last element, or null when it has an id. */
  public String name() {
    return last().name();
  }

  public boolean hasId() {
    return last().hasId();
  }

  public boolean hasName() {
    return last().hasName();
  }

  @Override
  public Key parent() {
    return path.size() == 1 ? null : new Key(project, namespace, path.subList(0, path.size() - 1));
  }

  /** The entity-group root: this key's first path element. */
  public Key root() {
    return path.size() == 1 ? this : new Key(project, namespace, path.subList(0, 1));
  }

  /** Whether {@code this} is {@code other} or one of its ancestors (same project and namespace). */
  public boolean isAncestorOf(Key other) {
    if (!project.equals(other.project)
        || !namespace.equals(other.namespace)
        || path.size() > other.path.size()) {
      return false;
    }
    return other.path.subList(0, path.size()).equals(path);
  }

  /** The URL-safe string form, App Engine's base64url-encoded key reference. */
  public String toUrlSafe() {
    return KeyUrlCodec.encode(this);
  }

  /** Parses {@link #toUrlSafe()} output (and App Engine's own url-safe keys). */
  public static Key fromUrlSafe(String urlSafe) {
    return KeyUrlCodec.decode(urlSafe);
  }

  static void validateProject(String project) {
    if (project == null || project.isEmpty() || !allOf(project, PROJECT_PUNCTUATION)) {
      throw new BadRequestException(
          "project id '" + project + "' is invalid: use 1 to 100 of [A-Za-z0-9._~:-]");
    }
  }

  static void validateNamespace(String namespace) {
    if (namespace == null || !allOf(namespace, NAMESPACE_PUNCTUATION)) {
      throw new BadRequestException(
          "namespace '" + namespace + "' is invalid: use 0 to 100 of [A-Za-z0-9._-]");
    }
  }

  /**
   * Whether {@code s} is at most 100 ASCII letters, digits and {@code punctuation} characters. A
   * loop, not a regex: every key read from storage is checked, so this is on the path of every
   * query result.
   */
  private static boolean allOf(String s, String punctuation) {
    if (s.length() > 100) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || punctuation.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(Key o) {
    int c = compareUtf8(project, o.project);
    if (c != 0) {
      return c;
    }
    c = compareUtf8(namespace, o.namespace);
    if (c != 0) {
      return c;
    }
    return comparePaths(path, o.path);
  }

  /** Compares paths as App Engine does: element by element; an ancestor sorts first. */
  public static int comparePaths(List<PathElement> a, List<PathElement> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      PathElement x = a.get(i);
      PathElement y = b.get(i);
      int c = compareUtf8(x.kind(), y.kind());
      if (c != 0) {
        return c;
      }
      if (x.hasId() != y.hasId()) {
        return x.hasId() ? -1 : 1;
      }
      c = x.hasId() ? Long.compare(x.id(), y.id()) : compareUtf8(x.name(), y.name());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Compares two strings by their UTF-8 bytes, unsigned, as the index does. */
  public static int compareUtf8(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key k
        && project.equals(k.project)
        && namespace.equals(k.namespace)
        && path.equals(k.path);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = (project.hashCode() * 31 + namespace.hashCode()) * 31 + path.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Key(");
    if (!namespace.isEmpty()) {
      sb.append(namespace).append('/');
    }
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(path.get(i));
    }
    return sb.append(')').toString();
  }
}
