package dev.megalite.benchmarks;

import com.google.appengine.api.datastore.DatastoreService;
import com.google.appengine.api.datastore.DatastoreServiceFactory;
import com.google.appengine.api.datastore.Entity;
import com.google.appengine.api.datastore.EntityNotFoundException;
import com.google.appengine.api.datastore.FetchOptions;
import com.google.appengine.api.datastore.Key;
import com.google.appengine.api.datastore.KeyFactory;
import com.google.appengine.api.datastore.Query;
import com.google.appengine.api.datastore.Query.FilterOperator;
import com.google.appengine.api.datastore.Query.FilterPredicate;
import com.google.appengine.api.datastore.Query.SortDirection;
import com.google.appengine.api.datastore.Transaction;
import com.google.appengine.tools.development.testing.LocalDatastoreServiceTestConfig;
import com.google.appengine.tools.development.testing.LocalServiceTestHelper;
import dev.megalite.api.BooleanValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * App Engine's own local datastore ({@code LocalDatastoreService} from {@code
 * appengine-api-stubs}), as Java teams run it in tests: {@link LocalServiceTestHelper} with an
 * in-memory {@link LocalDatastoreServiceTestConfig} ({@code setNoStorage(true)}), used through
 * {@link DatastoreServiceFactory#getDatastoreService()}. Every write is applied at once (no
 * simulated eventual consistency), and no {@code datastore-indexes.xml} is read or written: the
 * local service answers the composite query without one. Queries fetch in chunks of 1,000.
 *
 * <p>The service is bound to the thread that set it up, so all calls must come from that thread.
 */
final class AppEngineRunner implements Store<List<Entity>, List<Key>> {
  private static final int CHUNK = 1000;
  private static final int HOUR_MS = 3_600_000;

  private final LocalServiceTestHelper helper;
  private final DatastoreService ds;
  private final Workload workload;

  AppEngineRunner(Workload workload) {
    this.workload = workload;
    this.helper = new LocalServiceTestHelper(new LocalDatastoreServiceTestConfig()
        .setNoStorage(true)
        .setNoIndexAutoGen(true)
        .setApplyAllHighRepJobPolicy()
        // A kind scan of a million entities, or a slow run, must not expire mid-query.
        .setMaxQueryLifetimeMs(HOUR_MS)
        .setMaxTxnLifetimeMs(HOUR_MS));
    helper.setUp();
    this.ds = DatastoreServiceFactory.getDatastoreService();
  }

  @Override
  public List<Entity> preparePut(int batch, List<dev.megalite.api.Entity> entities) {
    List<Entity> out = new ArrayList<>(entities.size());
    for (dev.megalite.api.Entity e : entities) {
      Entity ae = new Entity(key(e.completeKey()));
      for (Map.Entry<String, Value> p : e.properties().entrySet()) {
        Object v = value(p.getValue());
        if (p.getValue().indexed()) {
          ae.setIndexedProperty(p.getKey(), v);
        } else {
          ae.setUnindexedProperty(p.getKey(), v);
        }
      }
      out.add(ae);
    }
    return out;
  }

  @Override
  public void put(List<Entity> entities) {
    ds.put(entities);
  }

  @Override
  public List<Key> prepareGet(List<dev.megalite.api.Key> keys) {
    List<Key> out = new ArrayList<>(keys.size());
    for (dev.megalite.api.Key k : keys) {
      out.add(key(k));
    }
    return out;
  }

  @Override
  public int get(List<Key> keys) {
    return ds.get(keys).size();
  }

  @Override
  public boolean supports(QuerySpec q) {
    return true;
  }

  @Override
  public void query(QuerySpec q, ResultCheck check) {
    FetchOptions fetch = FetchOptions.Builder.withChunkSize(CHUNK).prefetchSize(CHUNK);
    if (q == QuerySpec.NEWEST) {
      fetch.limit(QuerySpec.NEWEST_LIMIT);
    }
    for (Entity e : ds.prepare(query(q)).asIterable(fetch)) {
      check.accept((Long) e.getProperty("bucket"), ((Date) e.getProperty("created")).getTime());
    }
  }

  @Override
  public String plan(QuerySpec q) {
    return null; // the local service has no explain
  }

  private Query query(QuerySpec q) {
    FilterPredicate eq =
        new FilterPredicate("bucket", FilterOperator.EQUAL, (long) Workload.QUERY_BUCKET);
    return switch (q) {
      case EQUALITY -> new Query(Workload.KIND).setFilter(eq);
      case EQUALITY_SORT ->
          new Query(Workload.KIND).setFilter(eq).addSort("created", SortDirection.DESCENDING);
      case ANCESTOR -> new Query(Workload.KIND, key(workload.parent(Workload.QUERY_PARENT)));
      case NEWEST -> new Query(Workload.KIND).addSort("created", SortDirection.DESCENDING);
      case KIND_SCAN -> new Query(Workload.KIND);
    };
  }

  @Override
  public void readModifyWrite(dev.megalite.api.Key key) {
    Key k = key(key);
    Transaction txn = ds.beginTransaction();
    try {
      Entity e = ds.get(txn, k);
      e.setProperty("visits", (Long) e.getProperty("visits") + 1);
      ds.put(txn, e);
      txn.commit();
    } catch (EntityNotFoundException e) {
      throw new IllegalStateException("App Engine lost " + k, e);
    } finally {
      if (txn.isActive()) {
        txn.rollback();
      }
    }
  }

  @Override
  public long diskBytes() {
    return -1;
  }

  @Override
  public void close() {
    helper.tearDown();
  }

  private static Key key(dev.megalite.api.Key k) {
    Key out = null;
    for (PathElement e : k.path()) {
      out = e.hasId()
          ? KeyFactory.createKey(out, e.kind(), e.id())
          : KeyFactory.createKey(out, e.kind(), e.name());
    }
    return out;
  }

  private static Object value(Value v) {
    if (v instanceof IntegerValue i) {
      return i.value();
    } else if (v instanceof StringValue s) {
      return s.value();
    } else if (v instanceof DoubleValue d) {
      return d.value();
    } else if (v instanceof BooleanValue b) {
      return b.value();
    } else if (v instanceof TimestampValue t) {
      return new Date(Math.floorDiv(t.micros(), 1000));
    } else if (v instanceof ListValue l) {
      List<Object> out = new ArrayList<>(l.values().size());
      for (Value e : l.values()) {
        out.add(value(e));
      }
      return out;
    }
    throw new IllegalArgumentException("the workload has no " + v.type() + " values");
  }
}
