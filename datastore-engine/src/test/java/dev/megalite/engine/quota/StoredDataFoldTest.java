package dev.megalite.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.index.IndexCatalog;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.WriteBatch;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta rows and folds of {@link StoredData} on a real RocksDB store: a commit that changes no
 * figure writes no row, and a fold that starts past the deltas it already folded still takes
 * every delta a slow commit writes late.
 */
class StoredDataFoldTest {
  private static final String PROJECT = "p";
  private static final byte[] ENTITY_KEY = {1, 2, 3};

  @TempDir Path dir;
  private RocksKeyValueStore store;
  private StoredData stored;

  @BeforeEach
  void open() {
    store = RocksKeyValueStore.open(dir);
    stored = StoredData.open(store, PROJECT, IndexCatalog.EMPTY, QuotaConfig.UNLIMITED, () -> {});
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A delta for putting a "Task" whose entity row is {@code after} bytes (was {@code before}). */
  private StoredDataDelta put(Integer before, int after) {
    StoredDataDelta d = stored.newDelta(IndexCatalog.EMPTY, store);
    List<IndexRow> rows = List.of(new IndexRow(new byte[] {9, 9}, new byte[0]));
    d.entity("Task", ENTITY_KEY.length, before == null ? null : new byte[before],
        new byte[after], before == null ? List.of() : rows, rows, 2, false);
    return d;
  }

  /** Stages {@code d} in a batch of its own; returns the batch, still unwritten. */
  private WriteBatch stage(StoredDataDelta d) {
    WriteBatch b = store.newWriteBatch();
    stored.stage(d, b, true);
    return b;
  }

  private void write(WriteBatch b, StoredDataDelta d) {
    try (b) {
      store.write(b, false);
    }
    stored.applied(d);
  }

  private int deltaRows() {
    byte[] prefix = RowKeys.stats(PROJECT, "delta");
    int n = 0;
    try (KvIterator it = store.iterator(prefix, Bytes.prefixEnd(prefix))) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        n++;
      }
    }
    return n;
  }

  private long persistedBytes() {
    return StoredData.persisted(store, PROJECT, IndexCatalog.EMPTY).totalBytes();
  }

  @Test
  void anOverwriteOfTheSameSizeWritesNoDeltaRow() {
    StoredDataDelta first = put(null, 40);
    write(stage(first), first);
    int rows = deltaRows();

    StoredDataDelta same = put(40, 40);
    assertThat(same.isEmpty()).isTrue();
    try (WriteBatch b = stage(same)) {
      assertThat(b.count()).isZero();
    }

    StoredDataDelta grown = put(40, 41);
    assertThat(grown.isEmpty()).isFalse();
    try (WriteBatch b = stage(grown)) {
      assertThat(b.count()).isEqualTo(1);
    }
    assertThat(deltaRows()).isEqualTo(rows);
  }

  @Test
  void aDeltaWrittenAfterALaterOneIsFoldedByTheNextFold() {
    StoredDataDelta slow = put(null, 10);
    WriteBatch slowBatch = stage(slow); // id 0, written only after the fold
    StoredDataDelta fast = put(null, 20);
    write(stage(fast), fast); // id 1
    long fastBytes = fast.bytes();

    stored.fold(null);
    assertThat(deltaRows()).isZero();
    assertThat(persistedBytes()).isEqualTo(fastBytes);

    write(slowBatch, slow);
    StoredDataDelta later = put(null, 30);
    write(stage(later), later);
    stored.fold(null);

    assertThat(deltaRows()).isZero();
    assertThat(persistedBytes()).isEqualTo(fastBytes + slow.bytes() + later.bytes());
  }

  @Test
  void anAbandonedDeltaDoesNotHoldBackLaterFolds() {
    StoredDataDelta failed = put(null, 10);
    stage(failed).close();
    stored.abandoned(failed);
    StoredDataDelta ok = put(null, 20);
    write(stage(ok), ok);
    StoredDataDelta inFlight = put(null, 30);
    WriteBatch inFlightBatch = stage(inFlight);
    long inFlightId = inFlight.id;

    stored.fold(null);
    assertThat(stored.foldFrom()).isEqualTo(inFlightId); // past the abandoned id, not past this

    write(inFlightBatch, inFlight);
    stored.fold(null);
    assertThat(stored.foldFrom()).isEqualTo(inFlightId + 1);
    assertThat(deltaRows()).isZero();
    assertThat(persistedBytes()).isEqualTo(ok.bytes() + inFlight.bytes());
  }

  @Test
  void foldsAfterReopeningTakeEveryDelta() {
    for (int i = 0; i < 5; i++) {
      StoredDataDelta d = put(null, 10 + i);
      write(stage(d), d);
    }
    stored.fold(null);
    long before = persistedBytes();
    store.close();
    store = RocksKeyValueStore.open(dir);
    stored = StoredData.open(store, PROJECT, IndexCatalog.EMPTY, QuotaConfig.UNLIMITED, () -> {});
    StoredDataDelta d = put(null, 50);
    write(stage(d), d);
    stored.fold(null);

    assertThat(deltaRows()).isZero();
    assertThat(persistedBytes()).isEqualTo(before + d.bytes());
  }
}
