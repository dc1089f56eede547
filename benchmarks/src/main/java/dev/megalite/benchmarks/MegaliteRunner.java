package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.engine.kv.rocks.RocksOptions;
import java.nio.file.Path;
import java.util.List;

/** Megalite embedded, on a fresh RocksDB directory, through its public API. */
final class MegaliteRunner implements Store<List<Entity>, List<Key>> {
  /** App Engine's limit on a batch put, and what the raw ceiling batches too. */
  static final int PUT_BATCH = 500;
  /** App Engine's limit on a batch get. */
  static final int GET_BATCH = 1000;

  /** Printed instead of a figure when the engine rejects a query for want of a composite index. */
  static final String NEEDS_INDEX = "needs a composite index (requireIndexes is on)";

  private final MegaliteDatastore ds;
  private final Workload workload;

  MegaliteRunner(Path dir, Workload workload) {
    this.ds = open(dir);
    this.workload = workload;
  }

  /** Whether quota accounting is on (the default); off only to measure what it costs. */
  private static volatile boolean quotaAccounting = true;

  static void quotaAccounting(boolean on) {
    quotaAccounting = on;
  }

  /** RocksDB's block cache; the raw ceiling's {@link RawProfile#MEGALITE} gets the same. */
  private static volatile long blockCacheBytes = RocksOptions.defaults().blockCacheBytes();

  static void blockCacheBytes(long bytes) {
    blockCacheBytes = bytes;
  }

  /** The one place the harness opens Megalite, so every run uses the same options. */
  static MegaliteDatastore open(Path dir) {
    return Megalite.open(MegaliteOptions.newBuilder()
        .dataDir(dir)
        .quotaAccounting(quotaAccounting)
        .rocksOptions(RocksOptions.newBuilder().blockCacheBytes(blockCacheBytes).build())
        .build());
  }

  @Override
  public List<Entity> preparePut(int batch, List<Entity> entities) {
    return entities;
  }

  @Override
  public void put(List<Entity> entities) {
    ds.put(entities);
  }

  @Override
  public List<Key> prepareGet(List<Key> keys) {
    return keys;
  }

  @Override
  public int get(List<Key> keys) {
    int found = 0;
    for (Entity e : ds.get(keys)) {
      if (e != null) {
        found++;
      }
    }
    return found;
  }

  @Override
  public boolean supports(QuerySpec q) {
    return true;
  }

  @Override
  public void query(QuerySpec q, ResultCheck check) {
    try (QueryResults<Entity> r = ds.run(query(q))) {
      while (r.hasNext()) {
        Entity e = r.next();
        check.accept(e.getLong("bucket"), ((TimestampValue) e.get("created")).micros());
      }
    } catch (NeedIndexException e) {
      throw new UnsupportedOperationException(NEEDS_INDEX, e);
    }
  }

  @Override
  public String plan(QuerySpec q) {
    return ds.explain(query(q));
  }

  private Query query(QuerySpec q) {
    Query eq = Query.newBuilder(Workload.KIND)
        .filter(Filter.eq("bucket", Workload.QUERY_BUCKET))
        .build();
    return switch (q) {
      case EQUALITY -> eq;
      case EQUALITY_SORT -> eq.toBuilder().orderBy(SortOrder.desc("created")).build();
      case ANCESTOR -> Query.newBuilder(Workload.KIND)
          .ancestor(workload.parent(Workload.QUERY_PARENT))
          .build();
      case NEWEST -> Query.newBuilder(Workload.KIND)
          .orderBy(SortOrder.desc("created"))
          .limit(QuerySpec.NEWEST_LIMIT)
          .build();
      case KIND_SCAN -> Query.newBuilder(Workload.KIND).build();
    };
  }

  @Override
  public void readModifyWrite(Key key) {
    ds.runInTransaction(txn -> {
      Entity e = txn.get(key);
      txn.put(e.toBuilder().set("visits", e.getLong("visits") + 1).build());
      return null;
    });
  }

  @Override
  public long diskBytes() {
    return ds.approximateSizeBytes();
  }

  @Override
  public void close() {
    ds.close();
  }
}
