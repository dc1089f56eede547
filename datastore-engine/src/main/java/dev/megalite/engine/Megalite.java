package dev.megalite.engine;

import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.MemoryKeyValueStore;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import java.nio.file.Path;

/** Opens Megalite datastores: on a RocksDB directory, or in memory for tests. */
public final class Megalite {
  private Megalite() {}

  /** A datastore on the RocksDB directory {@code dir} (created if missing), default options. */
  public static MegaliteDatastore open(Path dir) {
    return open(MegaliteOptions.newBuilder().dataDir(dir).build());
  }

  /** A datastore kept in memory only; everything is gone when it closes. */
  public static MegaliteDatastore inMemory() {
    return open(MegaliteOptions.newBuilder().build());
  }

  public static MegaliteDatastore open(MegaliteOptions options) {
    KeyValueStore store =
        options.dataDir() == null
            ? new MemoryKeyValueStore()
            : RocksKeyValueStore.open(options.dataDir());
    try {
      return new EngineDatastore(store, options);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
