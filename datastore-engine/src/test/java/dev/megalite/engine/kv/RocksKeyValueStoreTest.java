package dev.megalite.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import dev.megalite.engine.kv.rocks.RocksOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksKeyValueStoreTest extends KeyValueStoreConformanceTest {
  @TempDir Path tempDir;
  private final AtomicInteger stores = new AtomicInteger();

  @Override
  protected KeyValueStore open() {
    return RocksKeyValueStore.open(tempDir.resolve("db-" + stores.incrementAndGet()));
  }

  @Override
  protected KeyValueStore reopen(KeyValueStore closed) {
    closed.close();
    return RocksKeyValueStore.open(((RocksKeyValueStore) closed).directory());
  }

  @Test
  void secondOpenOfAnOpenDirectoryFailsNamingTheDirectory() {
    Path dir = ((RocksKeyValueStore) store).directory();
    assertThatThrownBy(() -> RocksKeyValueStore.open(dir))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("locked");
  }

  @Test
  void directoryCanBeOpenedAgainAfterAFailedSecondOpen() {
    Path dir = ((RocksKeyValueStore) store).directory();
    put("a", "1");
    assertThatThrownBy(() -> RocksKeyValueStore.open(dir)).isInstanceOf(StorageException.class);
    store = reopen(store);
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
  }

  @Test
  void unsyncedWritesSurviveACleanCloseAndReopen() {
    for (int i = 0; i < 1_000; i++) {
      try (WriteBatch batch = store.newWriteBatch()) {
        batch.put(intKey(i), intKey(i));
        store.write(batch, false);
      }
    }
    store = reopen(store);
    assertThat(keysIn(new byte[0], null)).hasSize(1_000);
  }

  @Test
  void deleteRangeSurvivesReopen() {
    putAll("a", "b", "c");
    store.deleteRange(k("a"), k("c"));
    store = reopen(store);
    assertThat(keysIn(new byte[0], null)).containsExactly(hex("c"));
  }

  @Test
  void flushedDataHasAnOnDiskSize() {
    try (WriteBatch batch = store.newWriteBatch()) {
      for (int i = 0; i < 1_000; i++) {
        batch.put(intKey(i), new byte[100]);
      }
      store.write(batch, false);
    }
    store.flush();
    assertThat(store.approximateSizeBytes()).isPositive();
  }

  @Test
  void openingAMissingDirectoryWithoutCreateIfMissingFailsNamingIt() {
    Path missing = tempDir.resolve("missing");
    RocksOptions options = RocksOptions.newBuilder().createIfMissing(false).build();
    assertThatThrownBy(() -> RocksKeyValueStore.open(missing, options))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void customOptionsOpenAWorkingStore() {
    RocksOptions options =
        RocksOptions.defaults().toBuilder()
            .blockCacheBytes(1 << 20)
            .writeBufferMB(1)
            .bloomFilters(false)
            .maxBackgroundJobs(1)
            .build();
    try (KeyValueStore custom = RocksKeyValueStore.open(tempDir.resolve("custom"), options)) {
      try (WriteBatch batch = custom.newWriteBatch()) {
        batch.put(k("a"), k("1"));
        custom.write(batch, true);
      }
      assertThat(custom.get(k("a"))).isEqualTo(k("1"));
    }
  }

  @Test
  void optionsRejectOutOfRangeValuesNamingTheLimit() {
    assertThatThrownBy(() -> RocksOptions.newBuilder().writeBufferMB(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writeBufferMB is 0");
    assertThatThrownBy(() -> RocksOptions.newBuilder().maxBackgroundJobs(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RocksOptions.newBuilder().blockCacheBytes(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RocksOptions.defaults().toBuilder().build()).isEqualTo(RocksOptions.defaults());
  }
}
