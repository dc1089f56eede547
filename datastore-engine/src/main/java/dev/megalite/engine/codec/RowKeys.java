package dev.megalite.engine.codec;

import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import java.util.List;

/** Builders for the keys of each keyspace; see the package documentation for the layout. */
public final class RowKeys {
  private RowKeys() {}

  /** {@code [keyspace][project][namespace]}: the start of every key of that scope. */
  public static byte[] scope(Keyspace ks, String project, String namespace) {
    return new TupleWriter().keyspace(ks).name(project).name(namespace).toByteArray();
  }

  /** {@code [keyspace][project]}: the start of every key of a project, in all namespaces. */
  public static byte[] project(Keyspace ks, String project) {
    return new TupleWriter().keyspace(ks).name(project).toByteArray();
  }

  public static byte[] entity(Key key) {
    return new TupleWriter()
        .keyspace(Keyspace.ENTITY)
        .name(key.project())
        .name(key.namespace())
        .path(key.path())
        .toByteArray();
  }

  /** The prefix of the entity rows of {@code ancestor} and all its descendants. */
  public static byte[] entityDescendants(Key ancestor) {
    return new TupleWriter()
        .keyspace(Keyspace.ENTITY)
        .name(ancestor.project())
        .name(ancestor.namespace())
        .pathElements(ancestor.path())
        .toByteArray();
  }

  public static byte[] kindPrefix(String project, String namespace, String kind) {
    return new TupleWriter()
        .keyspace(Keyspace.KIND_INDEX)
        .name(project)
        .name(namespace)
        .name(kind)
        .toByteArray();
  }

  public static byte[] propertyPrefix(
      String project, String namespace, String kind, String property) {
    return new TupleWriter()
        .keyspace(Keyspace.PROPERTY_INDEX)
        .name(project)
        .name(namespace)
        .name(kind)
        .name(property)
        .toByteArray();
  }

  /** {@code [COMPOSITE][project][index id]}: the start of one index's rows, all namespaces. */
  public static byte[] compositeIndex(String project, long indexId) {
    return new TupleWriter()
        .keyspace(Keyspace.COMPOSITE_INDEX)
        .name(project)
        .fixed64(indexId)
        .toByteArray();
  }

  /** {@code [COMPOSITE][project][index id][namespace]}: one index's rows in one namespace. */
  public static byte[] compositeScope(String project, long indexId, String namespace) {
    return new TupleWriter()
        .keyspace(Keyspace.COMPOSITE_INDEX)
        .name(project)
        .fixed64(indexId)
        .name(namespace)
        .toByteArray();
  }

  public static byte[] group(Key root) {
    return new TupleWriter()
        .keyspace(Keyspace.ENTITY_GROUP)
        .name(root.project())
        .name(root.namespace())
        .path(root.path())
        .toByteArray();
  }

  public static byte[] idAllocator(String project, String policy) {
    return new TupleWriter()
        .keyspace(Keyspace.ID_ALLOCATOR)
        .name(project)
        .name(policy)
        .toByteArray();
  }

  /**
   * {@code [ID_ALLOCATOR][project][policy "/reserved"]}: the scope of the counters a policy must
   * skip because their ids were reserved (ReserveIds) before allocation reached them.
   */
  public static byte[] reservedIds(String project, String policy) {
    return new TupleWriter()
        .keyspace(Keyspace.ID_ALLOCATOR)
        .name(project)
        .name(policy + "/reserved")
        .toByteArray();
  }

  /** One reserved counter: {@link #reservedIds} followed by the counter (8 bytes, big-endian). */
  public static byte[] reservedId(String project, String policy, long counter) {
    return new TupleWriter().raw(reservedIds(project, policy)).fixed64(counter).toByteArray();
  }

  public static byte[] metadata(String name) {
    return new TupleWriter().keyspace(Keyspace.METADATA).name(name).toByteArray();
  }

  /**
   * {@code [STATS][project][part]}: a quota accounting row of {@code project}; {@code part} is
   * {@code base}, {@code delta} (the prefix of the deltas) or {@code daily}.
   */
  public static byte[] stats(String project, String part) {
    return new TupleWriter().keyspace(Keyspace.STATS).name(project).name(part).toByteArray();
  }

  /** One stored-data delta: {@code stats(project, "delta")} + the delta id (8 bytes). */
  public static byte[] statsDelta(String project, long id) {
    return new TupleWriter()
        .keyspace(Keyspace.STATS)
        .name(project)
        .name("delta")
        .fixed64(id)
        .toByteArray();
  }

  /** The encoding of a terminated path on its own (a cursor position, a row suffix). */
  public static byte[] path(List<PathElement> path) {
    return new TupleWriter().path(path).toByteArray();
  }

  /** The encoding of a path's elements, unterminated: the prefix of it and its descendants. */
  public static byte[] pathPrefix(List<PathElement> path) {
    return new TupleWriter().pathElements(path).toByteArray();
  }

  /** The encoding of {@code kind} as a path element starts with it; see {@link #lastKindIs}. */
  public static byte[] pathKind(String kind) {
    return new TupleWriter().pathKind(kind).toByteArray();
  }

  /**
   * Whether the last element of the terminated path at {@code offset} of {@code row} has the
   * kind that {@code pathKind} (from {@link #pathKind}) encodes.
   */
  public static boolean lastKindIs(byte[] row, int offset, byte[] pathKind) {
    int last = new TupleReader(row, offset).skipPathToLastElement();
    return last >= 0 && last + pathKind.length <= row.length
        && java.util.Arrays.equals(row, last, last + pathKind.length, pathKind, 0, pathKind.length);
  }

  /** The encoding of one ascending value. */
  public static byte[] value(dev.megalite.api.Value v) {
    return new TupleWriter().value(v).toByteArray();
  }

  /** Decodes the key of an entity row. */
  public static Key entityKey(byte[] row) {
    TupleReader r = new TupleReader(row);
    r.keyspace();
    String project = r.name();
    String namespace = r.name();
    return Key.of(project, namespace, r.path());
  }

  /** Decodes a terminated path at {@code offset} of {@code row} into a key. */
  public static Key keyAt(String project, String namespace, byte[] row, int offset) {
    return Key.of(project, namespace, new TupleReader(row, offset).path());
  }

  /** The position right after the value element that starts at {@code offset}. */
  public static int valueEnd(byte[] row, int offset) {
    return new TupleReader(row, offset).skipValue(false);
  }

  /** Decodes the value element at {@code offset} of an index row. */
  public static dev.megalite.api.Value valueAt(byte[] row, int offset, int meaning) {
    return new TupleReader(row, offset).value(meaning);
  }
}
