package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.engine.codec.RowKeys;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The raw ceiling of {@link ConcurrencyBenchmark}: each write encodes the entity's rows with the
 * engine's codec (as Megalite must) and writes them with its group row in one native batch; each
 * read is one {@code get} of the entity row, not decoded. No locks of ours: RocksDB serialises
 * concurrent writers itself (group commit).
 */
final class RawKvTarget implements KvTarget {
  static {
    RocksDB.loadLibrary();
  }

  private final Deque<AbstractNativeReference> owned = RawProfile.newOwner();
  private final RocksDB db;
  private final WriteOptions write = new WriteOptions();
  private final AtomicLong version = new AtomicLong();
  private final ThreadLocal<RawRows> rows = ThreadLocal.withInitial(RawRows::new);

  RawKvTarget(Path dir) {
    owned.push(write);
    db = RawProfile.MEGALITE.open(dir, owned);
  }

  @Override
  public void write(long id) {
    Entity e = KvTarget.entity(id);
    long v = version.incrementAndGet();
    List<byte[]> keysAndValues = rows.get().rows(e, v);
    try (WriteBatch batch = new WriteBatch()) {
      for (int j = 0; j < keysAndValues.size(); j += 2) {
        batch.put(keysAndValues.get(j), keysAndValues.get(j + 1));
      }
      batch.put(RowKeys.group(e.completeKey()), RawRows.versionBytes(v));
      db.write(write, batch);
    } catch (RocksDBException ex) {
      throw new IllegalStateException("raw write failed: " + ex.getMessage(), ex);
    }
  }

  @Override
  public void read(long id) {
    try {
      if (db.get(RowKeys.entity(KvTarget.key(id))) == null) {
        throw new IllegalStateException("raw RocksDB lost entity " + id);
      }
    } catch (RocksDBException ex) {
      throw new IllegalStateException("raw read failed: " + ex.getMessage(), ex);
    }
  }

  @Override
  public void close() {
    db.close();
    RawProfile.closeAll(owned);
  }
}
