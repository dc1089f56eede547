package dev.megalite.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/** Hand-written pieces of the raw ceiling: prefix scans and index-row diffs over RocksDB. */
final class RawScan {
  private RawScan() {}

  /** Hands every row whose key starts with {@code prefix} to {@code each}, in key order. */
  static void prefix(RocksDB db, byte[] prefix, BiConsumer<byte[], byte[]> each) {
    try (Slice upper = new Slice(successor(prefix));
        ReadOptions read = new ReadOptions().setIterateUpperBound(upper);
        RocksIterator it = db.newIterator(read)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        each.accept(it.key(), it.value());
      }
      it.status();
    } catch (RocksDBException e) {
      throw new IllegalStateException("raw scan failed: " + e.getMessage(), e);
    }
  }

  /**
   * Puts into {@code batch} the rows of {@code after} that are new or changed against {@code
   * before}, and deletes the rows of {@code before} that are gone (keys and values alternate).
   */
  static void diff(WriteBatch batch, List<byte[]> before, List<byte[]> after)
      throws RocksDBException {
    Map<ByteBuffer, byte[]> old = new HashMap<>();
    for (int i = 0; i < before.size(); i += 2) {
      old.put(ByteBuffer.wrap(before.get(i)), before.get(i + 1));
    }
    for (int i = 0; i < after.size(); i += 2) {
      byte[] was = old.remove(ByteBuffer.wrap(after.get(i)));
      if (was == null || !Arrays.equals(was, after.get(i + 1))) {
        batch.put(after.get(i), after.get(i + 1));
      }
    }
    for (int i = 0; i < before.size(); i += 2) {
      if (old.containsKey(ByteBuffer.wrap(before.get(i)))) {
        batch.delete(before.get(i));
      }
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The smallest key greater than every key that starts with {@code prefix}. */
  private static byte[] successor(byte[] prefix) {
    byte[] s = prefix.clone();
    for (int i = s.length - 1; i >= 0; i--) {
      if (s[i] != (byte) 0xFF) {
        s[i]++;
        return Arrays.copyOf(s, i + 1);
      }
    }
    throw new IllegalArgumentException("prefix has no successor");
  }
}
