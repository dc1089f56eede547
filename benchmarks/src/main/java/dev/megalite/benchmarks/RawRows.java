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
import java.util.List;

/**
 * Exactly the rows Megalite writes for a workload put in batches of {@link
 * MegaliteRunner#PUT_BATCH} on a fresh store, produced ahead of time with the engine's own codec
 * and index classes: per entity, its entity row (stamped with the commit version its batch gets,
 * 1, 2, 3, …) and its built-in index rows; per batch, the entity-group rows of its roots.
 */
final class RawRows {
  private final byte[][][] entityRows; // [entity][row][key=0, value=1]; row 0 is the entity row
  private final byte[][][] groupRows; // [batch][row][key=0, value=1]
  private final List<byte[]> entityKeys;
  private final long bytes;
  private final long rows;

  private RawRows(byte[][][] entityRows, byte[][][] groupRows, List<byte[]> entityKeys) {
    this.entityRows = entityRows;
    this.groupRows = groupRows;
    this.entityKeys = List.copyOf(entityKeys);
    long b = 0;
    long n = 0;
    for (byte[][][] part : new byte[][][][] {entityRows, groupRows}) {
      for (byte[][] rowsOfOne : part) {
        for (byte[] keyOrValue : rowsOfOne) {
          b += keyOrValue.length;
        }
        n += rowsOfOne.length / 2;
      }
    }
    this.bytes = b;
    this.rows = n;
  }

  static RawRows of(Workload w) {
    List<Entity> all = w.entities();
    int n = all.size();
    int batches = (n + MegaliteRunner.PUT_BATCH - 1) / MegaliteRunner.PUT_BATCH;
    byte[][][] entityRows = new byte[n][][];
    byte[][][] groupRows = new byte[batches][][];
    List<byte[]> entityKeys = new ArrayList<>(n);
    IndexRows indexRows = new IndexRows();
    ByteSink sink = new ByteSink(512);
    for (int batch = 0; batch < batches; batch++) {
      long version = batch + 1;
      byte[] versionBytes = ByteBuffer.allocate(8).putLong(version).array();
      int from = batch * MegaliteRunner.PUT_BATCH;
      int to = Math.min(n, from + MegaliteRunner.PUT_BATCH);
      List<byte[]> groups = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Entity e = all.get(i);
        Key key = e.completeKey();
        List<IndexRow> index = indexRows.rows(key, e);
        byte[][] rows = new byte[2 * (1 + index.size())][];
        rows[0] = RowKeys.entity(key);
        rows[1] = EntityCodec.encode(e, version, sink);
        for (int j = 0; j < index.size(); j++) {
          rows[2 + 2 * j] = index.get(j).key();
          rows[3 + 2 * j] = index.get(j).value();
        }
        entityRows[i] = rows;
        entityKeys.add(rows[0]);
        groups.add(RowKeys.group(key.root())); // root keys: one group per entity
        groups.add(versionBytes);
      }
      groupRows[batch] = groups.toArray(new byte[0][]);
    }
    return new RawRows(entityRows, groupRows, entityKeys);
  }

  int entities() {
    return entityRows.length;
  }

  int batches() {
    return groupRows.length;
  }

  /** Keys and values, alternating, of entity {@code i}: its entity row first, then index rows. */
  byte[][] rowsOf(int i) {
    return entityRows[i];
  }

  /** Keys and values, alternating, of the entity-group rows batch {@code b} writes last. */
  byte[][] groupRowsOf(int b) {
    return groupRows[b];
  }

  /** The entity-row keys, in workload order. */
  List<byte[]> entityKeys() {
    return entityKeys;
  }

  /** Total key and value bytes of all rows. */
  long bytes() {
    return bytes;
  }

  long rows() {
    return rows;
  }
}
