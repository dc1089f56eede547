package dev.megalite.engine;

import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.GqlCompiler;
import dev.megalite.api.model.Models;
import dev.megalite.engine.kv.KeyValueStore;
import dev.megalite.engine.kv.MemoryKeyValueStore;
import dev.megalite.engine.kv.rocks.RocksKeyValueStore;
import dev.megalite.gql.BoundGql;
import dev.megalite.gql.Gql;
import dev.megalite.gql.GqlBindings;
import java.nio.file.Path;
import java.util.function.Supplier;

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
            : RocksKeyValueStore.open(options.dataDir(), options.rocksOptions());
    try {
      return new EngineDatastore(store, options);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  // ---- the model layer (dev.megalite.api.model) ----

  /**
   * Opens the RocksDB store in {@code dir} and makes it the model layer's default datastore, with
   * the GQL compiler typed queries use.
   */
  public static MegaliteDatastore openDefault(Path dir) {
    return makeDefault(open(dir));
  }

  /** Opens a store with {@code options} and makes it the model layer's default datastore. */
  public static MegaliteDatastore openDefault(MegaliteOptions options) {
    return makeDefault(open(options));
  }

  /** Opens an in-memory store and makes it the model layer's default datastore. */
  public static MegaliteDatastore inMemoryDefault() {
    return makeDefault(inMemory());
  }

  /**
   * Makes {@code ds} the model layer's default datastore ({@code Models.use}) together with this
   * engine's {@link #gqlCompiler()}, and returns it. Closing {@code ds} does not unset it.
   */
  public static <D extends MegaliteDatastore> D makeDefault(D ds) {
    Models.use(ds, gqlCompiler());
    return ds;
  }

  /**
   * The GQL compiler of this engine, for {@code Models.use(ds, compiler)}: it parses and binds a
   * {@code SELECT} as {@code Datastore.gql} does, so typed GQL queries can count by aggregation,
   * resume from cursors and run in transactions.
   */
  public static GqlCompiler gqlCompiler() {
    return (dialect, gql, named, positional, project) -> {
      GqlBindings.Builder b = GqlBindings.newBuilder();
      for (Object o : positional) {
        b.add(o);
      }
      named.forEach(b::set);
      BoundGql bound = Gql.parse(gql, dialect).bind(b.build(), project);
      if (bound instanceof BoundGql.Aggregate) {
        throw new BadRequestException("a typed GQL query selects entities, not aggregations: "
            + gql);
      }
      return bound.query();
    };
  }

  /**
   * Runs {@code work} in a transaction on the model layer's default datastore; {@code put()} and
   * {@code get()} of model instances inside it join the transaction. See {@code
   * Models.runInTransaction}.
   */
  public static <T> T runInTransaction(Supplier<T> work) {
    return Models.runInTransaction(work);
  }

  /** As {@link #runInTransaction(Supplier)}, for work without a result. */
  public static void runInTransaction(Runnable work) {
    Models.runInTransaction(work);
  }

  /** As {@link #runInTransaction(Supplier)}, with {@code options} (cross-group, retries, …). */
  public static <T> T runInTransaction(TransactionOptions options, Supplier<T> work) {
    return Models.runInTransaction(options, work);
  }

  /** As {@link #runInTransaction(TransactionOptions, Supplier)}, for work without a result. */
  public static void runInTransaction(TransactionOptions options, Runnable work) {
    Models.runInTransaction(options, work);
  }
}
