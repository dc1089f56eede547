package dev.megalite.engine.query;

import static dev.megalite.engine.query.RandomQueryModelTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import dev.megalite.api.BaseKey;
import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.Value;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.MoreResults;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.query.NaiveEvaluator.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/** One case: a fresh datastore, rounds of random writes, each followed by random queries. */
final class RandomQueryCase {
  private final Random rnd;
  private final MegaliteDatastore ds;
  private final Map<Key, Entity> model = new LinkedHashMap<>();
  /** Every key ever written or deleted, for reads, overwrites, deletes and key filters. */
  private final Set<Key> used = new LinkedHashSet<>();
  /** The stored entities of the namespace and kind of the query being generated. */
  private List<Entity> scope = List.of();

  RandomQueryCase(long seed, MegaliteDatastore ds) {
    this.rnd = new Random(seed);
    this.ds = ds;
  }

  void run() {
    for (int round = 0, rounds = 1 + rnd.nextInt(3); round < rounds; round++) {
      for (int op = 0, ops = 1 + rnd.nextInt(5); op < ops; op++) {
        mutate();
      }
      List<Key> keys = new ArrayList<>(used);
      List<Entity> stored = ds.get(keys);
      for (int i = 0; i < keys.size(); i++) {
        assertThat(stored.get(i)).as("get(%s)", keys.get(i)).isEqualTo(model.get(keys.get(i)));
      }
      for (int q = 0, queries = 4 + rnd.nextInt(8); q < queries; q++) {
        check(randomQuery());
      }
    }
    assertThat(ds.checkConsistency().problems()).as("consistency problems").isEmpty();
  }

  // ---- writes ----

  private void mutate() {
    int kind = rnd.nextInt(10);
    if (kind < 6 || model.isEmpty()) {
      List<Entity> batch = new ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
        batch.add(rnd.nextInt(20) == 0 ? randomEntity(incompleteKey()) : randomEntity(newKey()));
      }
      apply(batch, ds.put(batch));
    } else if (kind < 8) {
      List<Entity> batch = new ArrayList<>();
      List<Key> existing = new ArrayList<>(model.keySet());
      for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
        batch.add(randomEntity(existing.get(rnd.nextInt(existing.size()))));
      }
      apply(batch, ds.put(batch));
    } else {
      List<Key> keys = new ArrayList<>();
      List<Key> candidates = new ArrayList<>(used);
      for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
        keys.add(rnd.nextInt(4) == 0 ? newKey() : candidates.get(rnd.nextInt(candidates.size())));
      }
      ds.delete(keys);
      for (Key k : keys) {
        model.remove(k);
        used.add(k);
      }
    }
  }

  /**
   * Records what a put stores, under the keys it returned; within a batch the last put of a key
   * wins.
   */
  private void apply(List<Entity> batch, List<Entity> put) {
    for (int i = 0; i < batch.size(); i++) {
      Key key = put.get(i).completeKey();
      model.put(key, storedForm(batch.get(i)).withKey(key));
      used.add(key);
    }
  }

  /** What the store keeps of an entity: DESIGN.md stores an empty list as null. */
  private static Entity storedForm(Entity e) {
    Entity.Builder b = e.toBuilder();
    e.properties().forEach((name, v) -> b.set(name, storedForm(v)));
    return b.build();
  }

  private static Value storedForm(Value v) {
    if (v instanceof ListValue l) {
      return l.values().isEmpty()
          ? Value.ofNull()
          : Value.list(l.values().stream().map(RandomQueryCase::storedForm).toList());
    }
    return v instanceof EntityValue ev
        ? new EntityValue(storedForm(ev.value()), ev.indexed())
        : v;
  }

  private Key newKey() {
    String ns = rnd.nextInt(10) == 0 ? OTHER_NAMESPACE : "";
    Key k = Key.of(PROJECT, ns, List.of(element()));
    for (int d = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(4) == 0 ? 2 : 1; d > 0; d--) {
      PathElement e = element();
      k = e.hasName() ? k.child(e.kind(), e.name()) : k.child(e.kind(), e.id());
    }
    return k;
  }

  private PathElement element() {
    String kind = KINDS[rnd.nextInt(KINDS.length)];
    return rnd.nextInt(3) == 0
        ? PathElement.of(kind, NAMES[rnd.nextInt(NAMES.length)])
        : PathElement.of(kind, 1 + rnd.nextInt(6));
  }

  private IncompleteKey incompleteKey() {
    String kind = KINDS[rnd.nextInt(KINDS.length)];
    return rnd.nextBoolean() || model.isEmpty()
        ? IncompleteKey.of(PROJECT, kind)
        : IncompleteKey.of(new ArrayList<>(model.keySet()).get(rnd.nextInt(model.size())), kind);
  }

  private Entity randomEntity(BaseKey key) {
    Entity.Builder b = Entity.newBuilder(key);
    for (String p : List.of("a", "b", "c")) {
      if (rnd.nextInt(4) != 0) {
        b.set(p, propertyValue());
      }
    }
    if (rnd.nextInt(3) != 0) {
      b.set("tags", rnd.nextInt(4) == 0 ? scalar() : list(this::scalar));
    }
    if (rnd.nextInt(3) != 0) {
      int shape = rnd.nextInt(10);
      b.set("addr", shape < 6
          ? embedded(true)
          : shape < 8 ? list(() -> embedded(false)) : propertyValue());
    }
    return b.build();
  }

  private Value propertyValue() {
    int shape = rnd.nextInt(10);
    return shape < 7 ? scalar() : shape < 9 ? list(this::scalar) : scalar().unindexed();
  }

  private Value scalar() {
    Value v = rnd.nextInt(10) < 6 ? HOT[rnd.nextInt(HOT.length)] : ALL[rnd.nextInt(ALL.length)];
    return rnd.nextInt(12) == 0 ? v.unindexed() : v;
  }

  /** A list of up to 4 elements, with duplicates likely; rarely empty. */
  private Value list(Supplier<Value> element) {
    List<Value> values = new ArrayList<>();
    for (int i = 0, n = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(4); i < n; i++) {
      values.add(!values.isEmpty() && rnd.nextInt(4) == 0
          ? values.get(rnd.nextInt(values.size()))
          : element.get());
    }
    return Value.list(values);
  }

  /**
   * An embedded entity. {@code mayHoldEmptyList} is false for the elements of a list: the engine
   * keeps an empty list there instead of storing null (EmptyLists does not look into lists; not
   * this package's code, reported), so the generator does not make one.
   */
  private Value embedded(boolean mayHoldEmptyList) {
    Entity.Builder b = Entity.newEmbeddedBuilder();
    if (rnd.nextInt(8) == 0) {
      b.key(Key.of(PROJECT, "E", 1 + rnd.nextInt(3)));
    }
    if (rnd.nextInt(4) != 0) {
      b.set("city", rnd.nextInt(3) == 0 ? scalar() : Value.of(NAMES[rnd.nextInt(NAMES.length)]));
    }
    if (rnd.nextInt(3) != 0) {
      Value zip = rnd.nextInt(4) == 0 ? list(this::scalar) : scalar();
      b.set("zip", !mayHoldEmptyList && zip.equals(Value.list()) ? Value.ofNull() : zip);
    }
    Value v = Value.of(b.build());
    return rnd.nextInt(8) == 0 ? v.unindexed() : v;
  }

  // ---- queries ----

  private String namespace() {
    return rnd.nextInt(8) == 0 ? OTHER_NAMESPACE : "";
  }

  private String kind() {
    return KINDS[rnd.nextInt(KINDS.length)];
  }

  private String property() {
    return rnd.nextInt(30) == 0 ? "zz" : PROPERTIES[rnd.nextInt(PROPERTIES.length)];
  }

  /**
   * A value to compare {@code property} with: mostly one that an entity in the query's scope
   * has, so that equalities and merge joins find something.
   */
  private Value filterValue(String property) {
    if (rnd.nextInt(10) < 7) {
      List<Value> values = new ArrayList<>();
      for (Entity e : scope) {
        values.addAll(NaiveEvaluator.indexedValues(e, property));
      }
      if (!values.isEmpty()) {
        return values.get(rnd.nextInt(values.size()));
      }
    }
    return rnd.nextInt(10) < 6 ? HOT[rnd.nextInt(HOT.length)] : ALL[rnd.nextInt(ALL.length)];
  }

  private SortOrder order(String property) {
    return rnd.nextBoolean() ? SortOrder.asc(property) : SortOrder.desc(property);
  }

  /** A key of the namespace: mostly one that was written, so key bounds split the results. */
  private Key keyIn(String namespace) {
    List<Key> candidates = used.stream().filter(k -> k.namespace().equals(namespace)).toList();
    if (candidates.isEmpty() || rnd.nextInt(5) == 0) {
      Key k = newKey();
      return Key.of(PROJECT, namespace, k.path());
    }
    return candidates.get(rnd.nextInt(candidates.size()));
  }

  /** An ancestor: a prefix of a written key's path (or of a new key), so it has descendants. */
  private Key ancestorIn(String namespace) {
    Key k = keyIn(namespace);
    return Key.of(PROJECT, namespace, k.path().subList(0, 1 + rnd.nextInt(k.path().size())));
  }

  /** One or two {@code __key__} filters of any operator; IN only when {@code allowIn}. */
  private List<Filter> keyFilters(String namespace, boolean allowIn) {
    List<Filter> out = new ArrayList<>();
    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
      Operator[] ops = allowIn
          ? Operator.values()
          : new Operator[] {
            Operator.EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL,
            Operator.GREATER_THAN, Operator.GREATER_THAN_OR_EQUAL, Operator.NOT_EQUAL,
            Operator.NOT_IN
          };
      Operator op = ops[rnd.nextInt(ops.length)];
      if (op.takesList()) {
        List<Value> keys = new ArrayList<>();
        for (int j = 0, m = 1 + rnd.nextInt(3); j < m; j++) {
          keys.add(Value.of(keyIn(namespace)));
        }
        out.add(PropertyFilter.of(Filter.KEY_PROPERTY, op, Value.list(keys)));
      } else {
        out.add(PropertyFilter.of(Filter.KEY_PROPERTY, op, Value.of(keyIn(namespace))));
      }
    }
    return out;
  }

  private List<Value> filterValues(String property, int max) {
    List<Value> values = new ArrayList<>();
    for (int i = 0, n = rnd.nextInt(max + 1); i < n; i++) {
      values.add(filterValue(property));
    }
    return values;
  }

  /** 1 or 2 of {@code <, <=, >, >=} on {@code p}, maybe with {@code =}, {@code !=}, NOT IN. */
  private List<Filter> comparisons(String p, boolean allowEquality) {
    Operator[] range = {
      Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL,
      Operator.GREATER_THAN, Operator.GREATER_THAN_OR_EQUAL
    };
    List<Filter> out = new ArrayList<>();
    for (int i = 0, n = rnd.nextInt(3) == 0 ? 2 : 1; i < n; i++) {
      out.add(PropertyFilter.of(p, range[rnd.nextInt(range.length)], filterValue(p)));
    }
    if (allowEquality && rnd.nextInt(4) == 0) {
      out.add(Filter.eq(p, filterValue(p)));
    }
    if (rnd.nextInt(4) == 0) {
      out.add(exclusion(p));
    }
    return out;
  }

  private Filter exclusion(String p) {
    return rnd.nextBoolean()
        ? Filter.ne(p, filterValue(p))
        : PropertyFilter.of(p, Operator.NOT_IN, Value.list(filterValues(p, 3)));
  }

  private static Filter and(List<Filter> filters) {
    return filters.size() == 1 ? filters.get(0) : Filter.and(filters.toArray(Filter[]::new));
  }

  private static Filter or(List<Filter> filters) {
    return filters.size() == 1 ? filters.get(0) : Filter.or(filters.toArray(Filter[]::new));
  }

  /** A query in one of the shapes the built-in indexes serve, within the disjunction limit. */
  private Query randomQuery() {
    while (true) {
      Query q = randomShape();
      if (q.filter() == null || disjunctions(q.filter()) <= Normalizer.MAX_BRANCHES) {
        return q;
      }
    }
  }

  /**
   * The most conjunctions the engine's expansion of {@code f} reaches on its way (IN: one per
   * value; {@code !=} and NOT IN on {@code __key__}: the ranges around the keys).
   */
  private static long disjunctions(Filter f) {
    if (f instanceof PropertyFilter pf) {
      int values = pf.value() instanceof ListValue l ? l.values().size() : 1;
      if (pf.op() == Operator.IN) {
        return values;
      }
      return pf.isKeyFilter() && pf.op().isDisjunctive() ? values + 1 : 1;
    }
    CompositeFilter cf = (CompositeFilter) f;
    long n = cf.op() == CompositeFilter.Op.OR ? 0 : 1;
    for (Filter child : cf.filters()) {
      long c = disjunctions(child);
      n = cf.op() == CompositeFilter.Op.OR ? n + c : n * Math.max(c, 1);
    }
    return n;
  }

  private Query randomShape() {
    String ns = namespace();
    String kind = kind();
    scope = model.values().stream()
        .filter(e -> e.completeKey().namespace().equals(ns))
        .filter(e -> e.completeKey().kind().equals(kind))
        .toList();
    Query.Builder b = Query.newBuilder(kind).namespace(ns);
    List<Filter> filters = new ArrayList<>();
    boolean mayProject = false;
    String scanned = null;
    switch (rnd.nextInt(11)) {
      case 0, 1 -> { // kind scan or kindless, maybe with an ancestor, key filters, key order
        if (rnd.nextBoolean()) {
          b.kind(null);
        }
        if (rnd.nextInt(3) == 0) {
          b.ancestor(ancestorIn(ns));
        }
        if (rnd.nextBoolean()) {
          List<Filter> keys = keyFilters(ns, true);
          filters.add(rnd.nextInt(4) == 0 ? or(keys) : and(keys));
        }
        if (rnd.nextInt(5) == 0) {
          b.orderBy(SortOrder.asc(Filter.KEY_PROPERTY));
        }
      }
      case 2, 3 -> { // 1 to 3 equalities (merge join), IN, maybe ancestor and key filters
        List<String> eqProps = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(rnd.nextBoolean() ? 1 : 3); i < n; i++) {
          String p = property();
          eqProps.add(p);
          filters.add(rnd.nextInt(4) == 0
              ? PropertyFilter.of(p, Operator.IN, Value.list(filterValues(p, 3)))
              : Filter.eq(p, filterValue(p)));
        }
        if (rnd.nextInt(3) == 0) {
          b.ancestor(ancestorIn(ns));
        }
        if (rnd.nextInt(3) == 0) {
          filters.addAll(keyFilters(ns, true));
        }
        if (rnd.nextInt(3) == 0) {
          b.orderBy(order(eqProps.get(rnd.nextInt(eqProps.size()))));
        } else if (rnd.nextInt(5) == 0) {
          b.orderBy(SortOrder.asc(Filter.KEY_PROPERTY));
        }
      }
      case 4 -> { // OR of equalities (conjunctions of them), on one or several properties
        String only = rnd.nextBoolean() ? property() : null;
        List<Filter> disjuncts = new ArrayList<>();
        for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) {
          List<Filter> conj = new ArrayList<>();
          String p = only != null ? only : property();
          conj.add(Filter.eq(p, filterValue(p)));
          if (rnd.nextInt(3) == 0) {
            String q = property();
            conj.add(Filter.eq(q, filterValue(q)));
          }
          disjuncts.add(and(conj));
        }
        filters.add(or(disjuncts));
        if (rnd.nextInt(3) == 0) {
          String p = property();
          filters.add(Filter.eq(p, filterValue(p)));
        }
        if (rnd.nextInt(4) == 0) {
          b.ancestor(ancestorIn(ns));
        }
        if (rnd.nextInt(4) == 0) {
          filters.addAll(keyFilters(ns, false));
        }
        if (only != null && rnd.nextBoolean()) {
          b.orderBy(order(only));
        }
      }
      case 5, 6 -> { // inequalities on one property, maybe with = / != / NOT IN on it
        scanned = property();
        filters.addAll(comparisons(scanned, true));
        if (rnd.nextBoolean()) {
          b.orderBy(order(scanned));
          if (rnd.nextInt(4) == 0) {
            b.orderBy(SortOrder.asc(Filter.KEY_PROPERTY));
          }
        }
        mayProject = true;
      }
      case 7 -> { // != or NOT IN alone
        scanned = property();
        filters.add(exclusion(scanned));
        if (rnd.nextBoolean()) {
          b.orderBy(order(scanned));
        }
        mayProject = true;
      }
      case 8 -> { // one sort order alone, maybe with key filters
        scanned = property();
        b.orderBy(order(scanned));
        if (rnd.nextInt(3) == 0) {
          filters.addAll(keyFilters(ns, false));
        }
        mayProject = true;
      }
      case 9 -> { // OR of ranges and equalities on one property
        scanned = property();
        boolean ranges = rnd.nextBoolean();
        List<Filter> disjuncts = new ArrayList<>();
        for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) {
          disjuncts.add(!ranges && rnd.nextInt(3) == 0
              ? Filter.eq(scanned, filterValue(scanned))
              : and(comparisons(scanned, false)));
        }
        filters.add(or(disjuncts));
        if (rnd.nextBoolean()) {
          b.orderBy(order(scanned));
        }
        mayProject = ranges;
      }
      default -> { // a projection alone, maybe with an order and key filters
        scanned = property();
        if (rnd.nextBoolean()) {
          b.orderBy(order(scanned));
        }
        if (rnd.nextInt(3) == 0) {
          filters.addAll(keyFilters(ns, true));
        }
        b.projection(scanned);
      }
    }
    if (!filters.isEmpty()) {
      b.filter(and(filters));
    }
    if (b.build().ancestor() != null && rnd.nextBoolean()) {
      b.namespace(null); // the ancestor's namespace
    }
    if (mayProject && rnd.nextInt(4) == 0) {
      b.projection(scanned);
    }
    Query partial = b.build();
    if (!partial.projection().isEmpty()) {
      if (rnd.nextBoolean()) {
        b.distinctOn(scanned);
      }
    } else if (rnd.nextInt(4) == 0) {
      b.keysOnly();
    }
    if (rnd.nextInt(3) == 0) {
      b.limit(rnd.nextInt(6));
    }
    if (rnd.nextInt(4) == 0) {
      b.offset(rnd.nextInt(4));
    }
    return b.build();
  }

  // ---- checks ----

  private void check(Query q) {
    Query whole = q.toBuilder().limit(-1).offset(0).build();
    List<Row> all = expected(whole);
    Run run = run(q);
    int from = Math.min(q.offset(), all.size());
    int to = q.limit() < 0 ? all.size() : Math.min(all.size(), from + q.limit());
    compare(q, all.subList(from, to), run.rows);
    if (q.limit() != 0) {
      assertThat(run.skipped).as("skipped results of %s", q).isEqualTo(from);
    }
    if (q.limit() < 0 || run.rows.size() < q.limit()) {
      assertThat(run.more).as("more results of %s", q).isEqualTo(MoreResults.NO_MORE_RESULTS);
    }
    if (rnd.nextInt(3) == 0) {
      checkPaging(whole, all);
    }
    if (!all.isEmpty() && rnd.nextInt(4) == 0) {
      checkCursors(whole, all);
    }
  }

  /** Pages of k results, each resumed from the last page's cursorAfter(), add up to all. */
  private void checkPaging(Query whole, List<Row> all) {
    int k = 1 + rnd.nextInt(4);
    int offset = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0;
    List<Row> got = new ArrayList<>();
    Cursor cursor = null;
    for (int page = 0; ; page++) {
      Query pq = whole.toBuilder()
          .limit(k)
          .offset(page == 0 ? offset : 0)
          .startCursor(cursor)
          .build();
      Run run = run(pq);
      got.addAll(run.rows);
      cursor = run.cursors.get(run.cursors.size() - 1);
      if (run.rows.size() < k || got.size() > all.size()) {
        break;
      }
    }
    compare(
        whole.toBuilder().limit(k).offset(offset).build() + " paged with cursorAfter()",
        whole, all.subList(Math.min(offset, all.size()), all.size()), got);
  }

  /**
   * The cursor before the first result and those after each one, as start and end cursors, cut
   * the results right there.
   */
  private void checkCursors(Query whole, List<Row> all) {
    Run full = run(whole);
    compare(whole, all, full.rows);
    int end = 1 + rnd.nextInt(all.size());
    int start = rnd.nextInt(end + 1);
    Query.Builder b = whole.toBuilder().endCursor(full.cursors.get(end));
    if (start > 0 || rnd.nextBoolean()) {
      b.startCursor(full.cursors.get(start));
    }
    Query cut = b.build();
    Run run = run(cut);
    compare(cut + " from cursor " + start + " to cursor " + end, whole,
        all.subList(start, end), run.rows);
    if (end < all.size()) {
      assertThat(run.more).as("more results of %s", cut)
          .isEqualTo(MoreResults.MORE_RESULTS_AFTER_CURSOR);
    }
    int from = rnd.nextInt(all.size() + 1);
    int offset = rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0;
    Run rest = run(whole.toBuilder().startCursor(full.cursors.get(from)).offset(offset).build());
    compare(whole + " from cursor " + from + " offset " + offset, whole,
        all.subList(Math.min(from + offset, all.size()), all.size()), rest.rows);
  }

  private List<Row> expected(Query q) {
    List<Row> out = new ArrayList<>();
    for (Result r : NaiveEvaluator.run(q, model.values(), PROJECT)) {
      Map<String, Value> props = q.keysOnly() ? Map.of() : r.entity().properties();
      out.add(new Row(r.key(), props));
    }
    return out;
  }

  /** The results with the cursor before the first and after each one. */
  private record Run(List<Row> rows, List<Cursor> cursors, MoreResults more, int skipped) {}

  private Run run(Query q) {
    List<Row> rows = new ArrayList<>();
    List<Cursor> cursors = new ArrayList<>();
    try (QueryResults<Entity> r = ds.run(q)) {
      cursors.add(r.cursorAfter());
      while (r.hasNext()) {
        Entity e = r.next();
        rows.add(new Row(e.completeKey(), e.properties()));
        cursors.add(r.cursorAfter());
      }
      return new Run(rows, cursors, r.moreResults(), r.skippedResults());
    } catch (RuntimeException e) {
      throw new AssertionError("running " + q + ": " + e, e);
    }
  }

  private void compare(Query q, List<Row> expected, List<Row> actual) {
    compare(q.toString(), q, expected, actual);
  }

  private void compare(String what, Query q, List<Row> expected, List<Row> actual) {
    if (expected.equals(actual)) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("results differ for ").append(what)
        .append("\n  plan: ").append(ds.explain(q))
        .append("\n  expected ").append(expected.size()).append(':');
    expected.forEach(r -> sb.append("\n    ").append(r));
    sb.append("\n  actual ").append(actual.size()).append(':');
    actual.forEach(r -> sb.append("\n    ").append(r));
    sb.append("\n  stored entities in scope:");
    for (Entity e : model.values()) {
      Key k = e.completeKey();
      if ((q.kind() == null || q.kind().equals(k.kind()))
          && (q.ancestor() == null || q.ancestor().isAncestorOf(k))) {
        sb.append("\n    ").append(k).append(' ').append(render(e.properties()));
      }
    }
    throw new AssertionError(sb.toString());
  }
}
