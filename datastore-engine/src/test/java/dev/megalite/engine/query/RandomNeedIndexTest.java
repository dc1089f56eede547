package dev.megalite.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import dev.megalite.api.Key;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random query shapes the built-in indexes cannot serve: with required indexes each fails with
 * the minimal composite index, whose YAML names the expected properties. Seeded like {@link
 * RandomQueryModelTest}, and replayable the same way.
 */
class RandomNeedIndexTest {
  private static final int CASES = 3_000;

  @Test
  void randomQueriesTheBuiltInIndexesCannotServeNeedTheMinimalCompositeIndex() {
    MegaliteOptions strict = MegaliteOptions.newBuilder().requireIndexes(true).build();
    try (MegaliteDatastore ds = Megalite.open(strict)) {
      RandomQueryModelTest.forEachSeed(
          CASES, "need-index", seed -> checkNeedsIndex(ds, new Random(seed)));
    }
  }

  /**
   * A query the built-in indexes cannot serve, checked against the minimal index App Engine's
   * rules give: equality properties sorted by name, then the sort orders, then the inequality
   * property, then the other projected properties sorted by name.
   */
  private static void checkNeedsIndex(MegaliteDatastore ds, Random rnd) {
    String kind = RandomQueryModelTest.KINDS[rnd.nextInt(RandomQueryModelTest.KINDS.length)];
    Query.Builder b = Query.newBuilder(kind);
    List<String> pool = new ArrayList<>(List.of(RandomQueryModelTest.PROPERTIES));
    Collections.shuffle(pool, rnd);
    TreeSet<String> eqs = new TreeSet<>();
    List<SortOrder> orders = new ArrayList<>();
    String inequality = null;
    List<String> projection = new ArrayList<>();
    boolean ancestor = false;
    List<Filter> filters = new ArrayList<>();
    switch (rnd.nextInt(7)) {
      case 0 -> { // equalities and a sort on another property
        eqs.addAll(pool.subList(0, 1 + rnd.nextInt(2)));
        orders.add(randomOrder(rnd, pool.get(3)));
        ancestor = rnd.nextInt(3) == 0;
      }
      case 1 -> { // equalities and an inequality on another property, maybe sorted
        eqs.addAll(pool.subList(0, 1 + rnd.nextInt(2)));
        inequality = pool.get(3);
        ancestor = rnd.nextInt(3) == 0;
        if (rnd.nextBoolean()) {
          // An order on an equality property comes first: App Engine drops it, so it is valid.
          orders.add(randomOrder(rnd, rnd.nextBoolean() ? pool.get(0) : inequality));
          if (rnd.nextBoolean()) {
            orders.add(randomOrder(rnd, inequality));
          }
        }
      }
      case 2 -> { // an ancestor and an inequality
        inequality = pool.get(0);
        ancestor = true;
      }
      case 3 -> { // an ancestor and a sort
        orders.add(randomOrder(rnd, pool.get(0)));
        ancestor = true;
      }
      case 4 -> { // two sort orders, maybe after an inequality or equalities
        orders.add(randomOrder(rnd, pool.get(0)));
        orders.add(randomOrder(rnd, pool.get(1)));
        if (rnd.nextBoolean()) {
          inequality = pool.get(0);
        } else if (rnd.nextBoolean()) {
          eqs.add(pool.get(2));
        }
      }
      case 5 -> { // __key__ descending, alone or after a sort
        if (rnd.nextBoolean()) {
          orders.add(randomOrder(rnd, pool.get(0)));
        }
        orders.add(SortOrder.desc(Filter.KEY_PROPERTY));
        ancestor = rnd.nextInt(3) == 0;
      }
      default -> { // projections: two properties, or one with an equality, sort or ancestor
        projection.add(pool.get(0));
        switch (rnd.nextInt(4)) {
          case 0 -> projection.add(pool.get(1));
          case 1 -> eqs.add(pool.get(1));
          case 2 -> orders.add(randomOrder(rnd, pool.get(1)));
          default -> ancestor = true;
        }
      }
    }
    for (String p : eqs) {
      filters.add(rnd.nextInt(4) == 0
          ? Filter.in(p, RandomQueryModelTest.HOT[rnd.nextInt(RandomQueryModelTest.HOT.length)], RandomQueryModelTest.HOT[rnd.nextInt(RandomQueryModelTest.HOT.length)])
          : Filter.eq(p, RandomQueryModelTest.HOT[rnd.nextInt(RandomQueryModelTest.HOT.length)]));
    }
    if (inequality != null) {
      filters.add(PropertyFilter.of(inequality,
          rnd.nextBoolean() ? Operator.GREATER_THAN : Operator.LESS_THAN_OR_EQUAL,
          RandomQueryModelTest.HOT[rnd.nextInt(RandomQueryModelTest.HOT.length)]));
    }
    if (!filters.isEmpty()) {
      b.filter(filters.size() == 1 ? filters.get(0) : Filter.and(filters.toArray(Filter[]::new)));
    }
    if (ancestor) {
      b.ancestor(Key.of(RandomQueryModelTest.PROJECT, kind, 1 + rnd.nextInt(3)));
    }
    orders.forEach(b::orderBy);
    if (!projection.isEmpty()) {
      b.projection(projection.toArray(String[]::new));
    } else if (rnd.nextBoolean()) {
      b.keysOnly();
    }
    Query q = b.build();

    StringBuilder yaml = new StringBuilder("- kind: ").append(kind).append('\n');
    if (ancestor) {
      yaml.append("  ancestor: yes\n");
    }
    yaml.append("  properties:\n");
    Set<String> named = new LinkedHashSet<>();
    eqs.forEach(p -> yamlProperty(yaml, named, p, false));
    orders.forEach(o -> yamlProperty(yaml, named, o.property(), o.descending()));
    if (inequality != null) {
      yamlProperty(yaml, named, inequality, false);
    }
    projection.stream().sorted().forEach(p -> yamlProperty(yaml, named, p, false));

    Throwable thrown = catchThrowable(() -> ds.run(q).close());
    assertThat(thrown).as("running %s", q).isInstanceOf(NeedIndexException.class);
    assertThat(((NeedIndexException) thrown).indexYaml()).as("index for %s", q)
        .isEqualTo(yaml.toString());
  }

  private static SortOrder randomOrder(Random rnd, String property) {
    return rnd.nextBoolean() ? SortOrder.asc(property) : SortOrder.desc(property);
  }

  private static void yamlProperty(StringBuilder yaml, Set<String> named, String p, boolean desc) {
    if (named.add(p)) {
      yaml.append("  - name: ").append(p).append('\n');
      if (desc) {
        yaml.append("    direction: desc\n");
      }
    }
  }
}
