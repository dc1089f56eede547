package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.api.Entity;
import org.junit.jupiter.api.Test;

/** The conformance suite on the in-memory store. */
class MemoryDatastoreTest extends DatastoreConformanceTest {

  @Override
  protected MegaliteDatastore open(MegaliteOptions.Builder options) {
    return Megalite.open(options.inMemory().build());
  }

  @Test
  void aNewInMemoryStoreIsEmptyAndReportsNoOnDiskSize() {
    try (MegaliteDatastore other = Megalite.inMemory()) {
      ds.put(Entity.newBuilder(ds.newKey("Item", 1)).build());
      assertThat(other.get(other.newKey("Item", 1))).isNull();
      assertThat(ds.approximateSizeBytes()).isZero();
    }
  }
}
