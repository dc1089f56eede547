package dev.megalite.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryKeyValueStoreTest extends KeyValueStoreConformanceTest {

  @Override
  protected KeyValueStore open() {
    return new MemoryKeyValueStore();
  }

  @Test
  void reportsNoOnDiskSize() {
    putAll("a", "b");
    assertThat(store.approximateSizeBytes()).isZero();
  }

  @Test
  void overwrittenVersionsHeldBySnapshotStayReadableAfterManyWrites() {
    // Pruning must keep exactly what open snapshots still need.
    put("a", "0");
    Snapshot first = store.snapshot();
    for (int i = 1; i <= 100; i++) {
      put("a", Integer.toString(i));
    }
    Snapshot middle = store.snapshot();
    for (int i = 101; i <= 200; i++) {
      put("a", Integer.toString(i));
    }
    first.close();
    put("a", "last");
    assertThat(middle.get(k("a"))).isEqualTo(k("100"));
    middle.close();
    assertThat(store.get(k("a"))).isEqualTo(k("last"));
  }
}
