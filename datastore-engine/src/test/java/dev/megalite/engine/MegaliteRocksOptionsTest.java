package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.StorageException;
import dev.megalite.engine.kv.rocks.RocksOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB's tuning reaches the store through {@link MegaliteOptions}. */
class MegaliteRocksOptionsTest {
  @TempDir Path dir;

  @Test
  void theDefaultsAreRocksDbDefaultsAndSurviveToBuilder() {
    MegaliteOptions defaults = MegaliteOptions.newBuilder().build();
    assertThat(defaults.rocksOptions()).isEqualTo(RocksOptions.defaults());
    RocksOptions big = RocksOptions.newBuilder().blockCacheBytes(256L << 20).build();
    MegaliteOptions o = MegaliteOptions.newBuilder().dataDir(dir).rocksOptions(big).build();
    assertThat(o.toBuilder().build().rocksOptions()).isEqualTo(big);
    assertThatThrownBy(() -> MegaliteOptions.newBuilder().rocksOptions(null))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void aStoreOpensWithALargerBlockCacheAndKeepsItsData() {
    RocksOptions big = RocksOptions.newBuilder().blockCacheBytes(256L << 20).build();
    MegaliteOptions o = MegaliteOptions.newBuilder().dataDir(dir).rocksOptions(big).build();
    Key key = Key.of(MegaliteOptions.DEFAULT_PROJECT, "Task", 1);
    try (MegaliteDatastore ds = Megalite.open(o)) {
      ds.put(Entity.newBuilder(key).set("done", true).build());
    }
    try (MegaliteDatastore ds = Megalite.open(
        o.toBuilder().rocksOptions(RocksOptions.newBuilder().blockCacheBytes(0).build()).build())) {
      assertThat(ds.get(key).getBoolean("done")).isTrue();
    }
  }

  @Test
  void theOptionsReachTheStore() {
    // Observable without RocksDB internals: a store told not to create its directory fails.
    MegaliteOptions o = MegaliteOptions.newBuilder().dataDir(dir.resolve("missing"))
        .rocksOptions(RocksOptions.newBuilder().createIfMissing(false).build()).build();
    assertThatThrownBy(() -> Megalite.open(o)).isInstanceOf(StorageException.class)
        .hasMessageContaining("missing");
  }
}
