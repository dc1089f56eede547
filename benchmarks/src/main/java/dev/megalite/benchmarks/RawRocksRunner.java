package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.LogFile;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The ceiling: raw RocksDB writing and reading the rows Megalite writes ({@link RawRows}), with
 * no planner, no locks and no decoding. Batch puts are one native {@code WriteBatch} per 500
 * entities with default {@link WriteOptions} (write-ahead log on, no sync: as Megalite writes by
 * default); gets are {@code multiGetAsList} of the entity rows. Queries are hand-written scans of
 * the same index rows: the equality query and the kind scan read index rows and {@code multiGet}
 * their entity rows in batches of 1,000; the ancestor query scans the parent's entity rows. There
 * is no composite index and no sort, so the sorted queries are not run. The transaction is a
 * {@code multiGet} of the entity and group rows, decode, modify, encode, and one batch with the
 * changed rows (no conflict check: one writer).
 */
final class RawRocksRunner implements Store<byte[][], List<byte[]>> {
  static {
    RocksDB.loadLibrary();
  }

  private final Workload workload;
  private final Deque<AbstractNativeReference> owned = RawProfile.newOwner();
  private final RocksDB db;
  private final WriteOptions write;
  private final RawRows rawRows = new RawRows();
  private final byte[] entityScope;
  private long version;

  RawRocksRunner(Path dir, Workload workload, RawProfile profile) {
    this.workload = workload;
    this.entityScope = RowKeys.scope(Keyspace.ENTITY, workload.project(), "");
    this.db = profile.open(dir, owned);
    this.write = new WriteOptions();
    owned.push(write);
  }

  @Override
  public byte[][] preparePut(int batch, List<Entity> entities) {
    version = batch + 1L; // the commit version Megalite's batch gets on a fresh store
    return rawRows.batch(entities, version);
  }

  @Override
  public void put(byte[][] keysAndValues) {
    try (WriteBatch batch = new WriteBatch()) {
      for (int j = 0; j < keysAndValues.length; j += 2) {
        batch.put(keysAndValues[j], keysAndValues[j + 1]);
      }
      db.write(write, batch);
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  @Override
  public List<byte[]> prepareGet(List<Key> keys) {
    List<byte[]> rows = new ArrayList<>(keys.size());
    for (Key k : keys) {
      rows.add(RowKeys.entity(k));
    }
    return rows;
  }

  @Override
  public int get(List<byte[]> rowKeys) {
    try {
      int found = 0;
      for (byte[] v : db.multiGetAsList(rowKeys)) {
        if (v != null) {
          found++;
        }
      }
      return found;
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean supports(QuerySpec q) {
    return q == QuerySpec.EQUALITY || q == QuerySpec.ANCESTOR || q == QuerySpec.KIND_SCAN;
  }

  @Override
  public String plan(QuerySpec q) {
    return switch (q) {
      case EQUALITY -> "scan bucket index rows, multiGet entity rows";
      case KIND_SCAN -> "scan kind index rows, multiGet entity rows";
      case ANCESTOR -> "scan the parent's entity rows";
      default -> null;
    };
  }

  @Override
  public void query(QuerySpec q, ResultCheck check) {
    String project = workload.project();
    switch (q) {
      case EQUALITY -> indexThenEntities(RawScan.concat(
          RowKeys.propertyPrefix(project, "", Workload.KIND, "bucket"),
          RowKeys.value(dev.megalite.api.Value.of(Workload.QUERY_BUCKET))), check);
      case KIND_SCAN -> indexThenEntities(RowKeys.kindPrefix(project, "", Workload.KIND), check);
      case ANCESTOR -> RawScan.prefix(db, RowKeys.entityDescendants(
          workload.parent(Workload.QUERY_PARENT)), (k, v) -> check.count());
      default -> throw new UnsupportedOperationException(q.label());
    }
  }

  /** Index rows end with the entity's terminated path: the entity row is scope + that path. */
  private void indexThenEntities(byte[] prefix, ResultCheck check) {
    List<byte[]> pending = new ArrayList<>(MegaliteRunner.GET_BATCH);
    RawScan.prefix(db, prefix, (k, v) -> {
      pending.add(RawScan.concat(entityScope, Arrays.copyOfRange(k, prefix.length, k.length)));
      if (pending.size() == MegaliteRunner.GET_BATCH) {
        fetch(pending, check);
      }
    });
    fetch(pending, check);
  }

  private void fetch(List<byte[]> rowKeys, ResultCheck check) {
    if (rowKeys.isEmpty()) {
      return;
    }
    try {
      for (byte[] v : db.multiGetAsList(rowKeys)) {
        if (v != null) {
          check.count();
        }
      }
    } catch (RocksDBException e) {
      throw failed(e);
    }
    rowKeys.clear();
  }

  @Override
  public void readModifyWrite(Key key) {
    try {
      byte[] rowKey = RowKeys.entity(key);
      byte[] groupKey = RowKeys.group(key.root());
      byte[] before = db.multiGetAsList(List.of(rowKey, groupKey)).get(0);
      Entity old = EntityCodec.decode(key, before);
      Entity updated = old.toBuilder().set("visits", old.getLong("visits") + 1).build();
      version++;
      try (WriteBatch batch = new WriteBatch()) {
        RawScan.diff(batch, rawRows.rows(old, version), rawRows.rows(updated, version));
        batch.put(groupKey, RawRows.versionBytes(version));
        db.write(write, batch);
      }
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  /** As Megalite computes it: live SST files plus write-ahead log files. */
  @Override
  public long diskBytes() {
    try {
      long bytes = db.getLongProperty("rocksdb.live-sst-files-size");
      for (LogFile wal : db.getSortedWalFiles()) {
        bytes += wal.sizeFileBytes();
      }
      return bytes;
    } catch (RocksDBException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() {
    db.close();
    RawProfile.closeAll(owned);
  }

  private static IllegalStateException failed(RocksDBException e) {
    return new IllegalStateException("raw RocksDB failed: " + e.getMessage(), e);
  }
}
