package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexRows;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exactly the rows Megalite writes, made with the engine's own codec and index classes: per
 * entity, its entity row (stamped with the commit version of its batch) and its built-in index
 * rows; per batch, after them, one entity-group row per distinct root, in first-seen order, as
 * {@code Committer} writes them. Made batch by batch, so nothing is precomputed. Not thread-safe.
 */
final class RawRows {
  private final IndexRows indexRows = new IndexRows();
  private final ByteSink sink = new ByteSink(512);

  /**
   * Keys and values, alternating, of one batch put: each entity's entity row and index rows, then
   * the group rows, all stamped with commit version {@code version}.
   */
  byte[][] batch(List<Entity> entities, long version) {
    byte[] versionBytes = versionBytes(version);
    List<byte[]> out = new ArrayList<>(entities.size() * 28);
    Set<Key> roots = new LinkedHashSet<>();
    for (Entity e : entities) {
      Key key = e.completeKey();
      addRows(out, key, e, version);
      roots.add(key.root());
    }
    for (Key root : roots) {
      out.add(RowKeys.group(root));
      out.add(versionBytes);
    }
    return out.toArray(new byte[0][]);
  }

  /** The entity row and index rows of one entity, keys and values alternating. */
  List<byte[]> rows(Entity e, long version) {
    List<byte[]> out = new ArrayList<>(28);
    addRows(out, e.completeKey(), e, version);
    return out;
  }

  private void addRows(List<byte[]> out, Key key, Entity e, long version) {
    out.add(RowKeys.entity(key));
    out.add(EntityCodec.encode(e, version, sink));
    for (IndexRow row : indexRows.rows(key, e)) {
      out.add(row.key());
      out.add(row.value());
    }
  }

  static byte[] versionBytes(long version) {
    return ByteBuffer.allocate(8).putLong(version).array();
  }

  /** Total key and value bytes, and the number of rows, of rows in the form above. */
  static long[] bytesAndRows(byte[][] keysAndValues) {
    long bytes = 0;
    for (byte[] b : keysAndValues) {
      bytes += b.length;
    }
    return new long[] {bytes, keysAndValues.length / 2};
  }
}
