package dev.megalite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.LogFile;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The ceiling: raw RocksDB writing the precomputed {@link RawRows} in native write batches of
 * {@link MegaliteRunner#PUT_BATCH} entities with default {@link WriteOptions} (no sync, write-ahead
 * log on: as Megalite writes by default), then reading every entity row back with {@code
 * multiGetAsList} in batches of {@link MegaliteRunner#GET_BATCH} (fastest of {@link
 * MegaliteRunner#GET_PASSES} passes, as for Megalite). Only the RocksDB calls are timed.
 */
final class RawRocksRunner {
  static {
    RocksDB.loadLibrary();
  }

  /** What one run measured. */
  record Result(RawProfile profile, Measurement put, Measurement get, long approximateSizeBytes) {}

  private RawRocksRunner() {}

  static Result run(RawRows rows, Path dir, RawProfile profile) {
    Deque<AbstractNativeReference> owned = RawProfile.newOwner();
    try {
      Files.createDirectories(dir);
      try (RocksDB db = RocksDB.open(profile.options(owned), dir.toString());
          WriteOptions write = new WriteOptions()) {
        Measurement put = put(db, write, rows);
        Measurement get = null;
        for (int i = 0; i < MegaliteRunner.GET_PASSES; i++) {
          Measurement m = get(db, rows);
          if (get == null || m.nanos() < get.nanos()) {
            get = m;
          }
        }
        return new Result(profile, put, get, approximateSizeBytes(db));
      }
    } catch (RocksDBException e) {
      throw new IllegalStateException("raw RocksDB failed in " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      RawProfile.closeAll(owned);
    }
  }

  private static Measurement put(RocksDB db, WriteOptions write, RawRows rows)
      throws RocksDBException {
    int n = rows.entities();
    Measurement.Clock clock = Measurement.start();
    for (int b = 0; b < rows.batches(); b++) {
      int from = b * MegaliteRunner.PUT_BATCH;
      int to = Math.min(n, from + MegaliteRunner.PUT_BATCH);
      try (WriteBatch batch = new WriteBatch()) {
        for (int i = from; i < to; i++) {
          putAll(batch, rows.rowsOf(i));
        }
        putAll(batch, rows.groupRowsOf(b));
        db.write(write, batch);
      }
    }
    return clock.stop(n);
  }

  private static void putAll(WriteBatch batch, byte[][] keysAndValues) throws RocksDBException {
    for (int j = 0; j < keysAndValues.length; j += 2) {
      batch.put(keysAndValues[j], keysAndValues[j + 1]);
    }
  }

  private static Measurement get(RocksDB db, RawRows rows) throws RocksDBException {
    List<byte[]> keys = rows.entityKeys();
    long found = 0;
    Measurement.Clock clock = Measurement.start();
    for (int from = 0; from < keys.size(); from += MegaliteRunner.GET_BATCH) {
      int to = Math.min(keys.size(), from + MegaliteRunner.GET_BATCH);
      for (byte[] v : db.multiGetAsList(keys.subList(from, to))) {
        if (v != null) {
          found++;
        }
      }
    }
    Measurement m = clock.stop(keys.size());
    if (found != keys.size()) {
      throw new IllegalStateException("raw multiGet found " + found + " of " + keys.size());
    }
    return m;
  }

  /** As Megalite computes it: live SST files plus write-ahead log files. */
  private static long approximateSizeBytes(RocksDB db) throws RocksDBException {
    long bytes = db.getLongProperty("rocksdb.live-sst-files-size");
    for (LogFile wal : db.getSortedWalFiles()) {
      bytes += wal.sizeFileBytes();
    }
    return bytes;
  }
}
