package dev.megalite.engine.kv.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/**
 * The write batch serialised in Java: the same bytes RocksDB's own batch holds, and every kind of
 * record written atomically and read back through the real store, also after a reopen.
 */
class RocksWriteBatchTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int n, long seed) {
    byte[] out = new byte[n];
    new Random(seed).nextBytes(out);
    return out;
  }

  @Test
  void theSerialisedBatchIsByteForByteWhatRocksDbBuilds() throws RocksDBException {
    // Lengths around the varint boundaries: 0, 127, 128, 16,383, 16,384 and a 1 MiB value.
    List<byte[]> keys = List.of(b("a"), filled(127, 1), filled(128, 2), filled(16_383, 3),
        filled(16_384, 4), b("z"));
    List<byte[]> values = List.of(new byte[0], filled(128, 5), filled(127, 6),
        filled(16_384, 7), filled(1 << 20, 8), b("v"));
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir);
        org.rocksdb.WriteBatch expected = new org.rocksdb.WriteBatch()) {
      RocksWriteBatch batch = (RocksWriteBatch) store.newWriteBatch();
      for (int i = 0; i < keys.size(); i++) {
        batch.put(keys.get(i), values.get(i));
        expected.put(keys.get(i), values.get(i));
        if (i % 2 == 1) {
          batch.delete(keys.get(i - 1));
          expected.delete(keys.get(i - 1));
        }
      }
      assertThat(batch.serialized()).isEqualTo(expected.data());
      assertThat(batch.count()).isEqualTo(expected.count()).isEqualTo(9);
      batch.close();
    }
  }

  @Test
  void anEmptyBatchIsTheBareHeaderAndWritesNothing() throws RocksDBException {
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir);
        org.rocksdb.WriteBatch expected = new org.rocksdb.WriteBatch();
        WriteBatch batch = store.newWriteBatch()) {
      assertThat(((RocksWriteBatch) batch).serialized()).isEqualTo(expected.data()).hasSize(12);
      store.write(batch, true);
      assertThat(batch.count()).isZero();
      assertThat(batch.sizeBytes()).isZero();
    }
  }

  @Test
  void putsDeletesAndOverwritesRoundTripThroughTheStoreAndAReopen() {
    byte[] bigKey = filled(40_000, 11);
    byte[] bigValue = filled(3 << 20, 12);
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir)) {
      try (WriteBatch batch = store.newWriteBatch()) {
        batch.put(b("gone"), b("soon"));
        batch.put(b("kept"), b("old"));
        store.write(batch, false);
      }
      try (WriteBatch batch = store.newWriteBatch()) {
        batch.put(b("empty"), new byte[0]);
        batch.put(b("kept"), b("first"));
        batch.put(b("kept"), b("last")); // the later record of one batch wins
        batch.delete(b("gone"));
        batch.delete(b("never-there"));
        batch.put(b("back"), b("x"));
        batch.delete(b("back"));
        batch.put(b("back"), b("again"));
        batch.put(bigKey, bigValue);
        assertThat(batch.count()).isEqualTo(9);
        assertThat(batch.sizeBytes()).isEqualTo(
            5 + 0 + 4 + 5 + 4 + 4 + 4 + 11 + 4 + 1 + 4 + 4 + 5 + 40_000 + (3 << 20));
        store.write(batch, false);
      }
      assertStored(store, bigKey, bigValue);
    }
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir)) {
      assertStored(store, bigKey, bigValue); // replayed from the write-ahead log
    }
  }

  private static void assertStored(RocksKeyValueStore store, byte[] bigKey, byte[] bigValue) {
    assertThat(store.get(b("empty"))).isEmpty();
    assertThat(store.get(b("kept"))).isEqualTo(b("last"));
    assertThat(store.get(b("gone"))).isNull();
    assertThat(store.get(b("never-there"))).isNull();
    assertThat(store.get(b("back"))).isEqualTo(b("again"));
    assertThat(store.get(bigKey)).isEqualTo(bigValue);
  }

  @Test
  void aBatchOfThousandsOfRowsIsWrittenWhole() {
    int n = 20_000;
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir)) {
      try (WriteBatch batch = store.newWriteBatch()) {
        for (int i = 0; i < n; i++) {
          batch.put(b("row" + i), filled(i % 300, i));
        }
        store.write(batch, true);
      }
      List<byte[]> keys = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(b("row" + i));
      }
      List<byte[]> rows = store.multiGet(keys);
      for (int i = 0; i < n; i++) {
        assertThat(rows.get(i)).isEqualTo(filled(i % 300, i));
      }
    }
  }

  @Test
  void aBatchMayBeWrittenAgainAndKeepsItsRecords() {
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir);
        WriteBatch batch = store.newWriteBatch()) {
      batch.put(b("k"), b("1"));
      store.write(batch, false);
      try (WriteBatch other = store.newWriteBatch()) {
        other.put(b("k"), b("2"));
        store.write(other, false);
      }
      store.write(batch, false);
      assertThat(store.get(b("k"))).isEqualTo(b("1"));
    }
  }

  @Test
  void aClosedBatchCanNeitherTakeRecordsNorBeWritten() {
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir)) {
      WriteBatch batch = store.newWriteBatch();
      batch.put(b("k"), b("v"));
      batch.close();
      batch.close(); // idempotent
      assertThatThrownBy(() -> batch.put(b("k"), b("v")))
          .isInstanceOf(StorageException.class).hasMessageContaining("closed");
      assertThatThrownBy(() -> batch.delete(b("k")))
          .isInstanceOf(StorageException.class).hasMessageContaining("closed");
      assertThatThrownBy(() -> store.write(batch, false))
          .isInstanceOf(StorageException.class).hasMessageContaining("closed");
      assertThat(store.get(b("k"))).isNull();
    }
  }

  @Test
  void aBatchOutlivesItsStoreButCannotBeWrittenToAnother() {
    WriteBatch batch;
    try (RocksKeyValueStore store = RocksKeyValueStore.open(dir.resolve("a"))) {
      batch = store.newWriteBatch();
    }
    batch.put(b("k"), b("v"));
    try (RocksKeyValueStore other = RocksKeyValueStore.open(dir.resolve("b"))) {
      assertThatThrownBy(() -> other.write(batch, false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(Arrays.equals(other.get(b("k")), b("v"))).isFalse();
    }
    batch.close();
  }
}
