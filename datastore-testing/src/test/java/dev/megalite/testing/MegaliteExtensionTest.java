package dev.megalite.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.StorageException;
import dev.megalite.api.model.Models;
import dev.megalite.api.query.Query;
import dev.megalite.engine.MegaliteDatastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

@ExtendWith(MegaliteExtensionTest.RestoresTheDefault.class)
@MegaliteTest
class MegaliteExtensionTest {

  /** Registered before the Megalite extension, so it sees the state around it. */
  static final class RestoresTheDefault implements BeforeEachCallback, AfterEachCallback {
    private Datastore before;

    @Override
    public void beforeEach(ExtensionContext context) {
      before = Models.datastoreOrNull();
      used = null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
      if (Models.datastoreOrNull() != before) {
        throw new AssertionError("the model default was not restored after the test");
      }
      if (used != null) {
        Key key = Key.of(used.projectId(), "Anything", 1);
        assertThatThrownBy(() -> used.get(key)).isInstanceOf(StorageException.class);
      }
    }
  }

  static Datastore used;
  private Datastore fromBeforeEach;

  @BeforeEach
  void beforeEachMethodsMayAskForTheStoreToo(Datastore ds) {
    fromBeforeEach = ds;
  }

  @RepeatedTest(2)
  void everyTestStartsWithAnEmptyStore(Datastore ds) {
    used = ds;
    try (var r = ds.run(Query.newBuilder("Thing").keysOnly().build())) {
      assertThat(r.hasNext()).isFalse();
    }
    ds.put(Entity.newBuilder(Key.of(ds.projectId(), "Thing", 1)).set("n", 1).build());
  }

  @Test
  void theInjectedStoreIsTheModelLayersDefaultWithTheEnginesGqlCompiler(Datastore ds) {
    used = ds;

    assertThat(Models.datastore()).isSameAs(ds).isSameAs(fromBeforeEach);
    assertThat(Models.gqlCompiler()).isNotNull();
  }

  @Test
  void aMegaliteDatastoreParameterGetsTheSameStore(MegaliteDatastore ds, Datastore plain) {
    assertThat(ds).isSameAs(plain);
    assertThat(ds.explain(Query.newBuilder("Thing").build())).contains("Thing");
  }

  @Test
  @MegaliteTest(storage = Storage.ROCKSDB, projectId = "other-project")
  void aMethodMayAskForRocksDbInATemporaryDirectoryAndAnotherProject(Datastore ds)
      throws IOException {
    used = ds;
    ds.put(Entity.newBuilder(ds.newKey("Thing", 1)).set("n", 1).build());

    assertThat(ds.projectId()).isEqualTo("other-project");
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(tmp)) {
      List<Path> stores = dirs
          .filter(p -> p.getFileName().toString().startsWith("megalite-test-"))
          .filter(p -> Files.exists(p.resolve("CURRENT")))
          .toList();
      assertThat(stores).isNotEmpty();
    }
  }
}
