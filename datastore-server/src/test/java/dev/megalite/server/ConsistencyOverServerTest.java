package dev.megalite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.QueryResults;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --consistency 0}: every write is unapplied for global queries until its group is read by
 * key or by an ancestor query, as App Engine's development server simulated it.
 */
class ConsistencyOverServerTest {
  @TempDir Path dir;

  @Test
  void aGlobalQueryMissesAWriteUntilALookupRollsItsGroupForward() {
    try (ServerFixture f = new ServerFixture(dir, b -> b.consistency(0.0).rollForwardDelay(java.time.Duration.ofHours(1)))) {
      Datastore ds = f.client();
      Key key = ds.newKeyFactory().setKind("Note").newKey("n1");
      ds.put(Entity.newBuilder(key).set("tag", "x").build());
      Query<Entity> global = Query.newEntityQueryBuilder().setKind("Note")
          .setFilter(PropertyFilter.eq("tag", "x")).build();
      assertThat(run(ds, global)).isEmpty();
      Query<Entity> ancestor = Query.newEntityQueryBuilder().setKind("Note")
          .setFilter(PropertyFilter.hasAncestor(key)).build();
      assertThat(run(ds, ancestor)).hasSize(1);
      assertThat(run(ds, global)).hasSize(1);

      Key other = ds.newKeyFactory().setKind("Note").newKey("n2");
      ds.put(Entity.newBuilder(other).set("tag", "x").build());
      assertThat(run(ds, global)).extracting(Entity::getKey).containsExactly(key);
      assertThat(ds.get(other)).isNotNull();
      assertThat(run(ds, global)).extracting(Entity::getKey).containsExactlyInAnyOrder(key, other);
    }
  }

  private static List<Entity> run(Datastore ds, Query<Entity> q) {
    List<Entity> out = new ArrayList<>();
    QueryResults<Entity> r = ds.run(q);
    r.forEachRemaining(out::add);
    return out;
  }
}
