package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.StorageException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on RocksDB, plus what only a store on disk can show. */
class RocksDatastoreTest extends DatastoreConformanceTest {
  @TempDir Path tempDir;
  private final AtomicInteger dirs = new AtomicInteger();
  private final Map<MegaliteDatastore, MegaliteOptions> optionsOf = new IdentityHashMap<>();

  @Override
  protected MegaliteDatastore open(MegaliteOptions.Builder options) {
    MegaliteOptions o = options.dataDir(tempDir.resolve("db-" + dirs.incrementAndGet())).build();
    return remember(Megalite.open(o), o);
  }

  @Override
  protected MegaliteDatastore reopen(MegaliteDatastore store) {
    MegaliteOptions o = optionsOf.get(store);
    store.close();
    return remember(Megalite.open(o), o);
  }

  private MegaliteDatastore remember(MegaliteDatastore store, MegaliteOptions options) {
    optionsOf.put(store, options);
    return store;
  }

  @Test
  void aStoreIsOpenOnlyOnceAtATimeAndOpensAgainAfterClose() {
    Path dir = optionsOf.get(ds).dataDir();
    Key key = ds.newKey("Item", 1);
    ds.put(Entity.newBuilder(key).set("n", 1).build());

    assertThatThrownBy(() -> Megalite.open(dir)).isInstanceOf(StorageException.class);

    MegaliteDatastore again = reopenStore(ds);
    assertThat(again.get(key).getLong("n")).isEqualTo(1);
    assertThat(again.checkConsistency().problems()).isEmpty();
  }
}
