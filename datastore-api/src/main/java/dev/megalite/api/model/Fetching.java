package dev.megalite.api.model;

import dev.megalite.api.Entity;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.mapping.ClassMapping;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.util.ArrayList;
import java.util.List;

/** What typed queries (GQL and fluent) share: reading results into lists, pages, keys, counts. */
final class Fetching {
  private Fetching() {}

  /** Up to {@code n} results (all for -1); closes the results. */
  static <T> List<T> list(ClassMapping<T> m, QueryResults<Entity> r, int n) {
    try (r) {
      List<T> out = new ArrayList<>(n < 0 ? 16 : Math.min(n, 1000));
      while ((n < 0 || out.size() < n) && r.hasNext()) {
        out.add(m.fromEntity(r.next()));
      }
      return out;
    }
  }

  /** Up to {@code n} results with the cursor after them; {@code r} may hold one more. */
  static <T> Page<T> page(ClassMapping<T> m, QueryResults<Entity> r, int n) {
    try (r) {
      List<T> out = new ArrayList<>(Math.min(n, 1000));
      while (out.size() < n && r.hasNext()) {
        out.add(m.fromEntity(r.next()));
      }
      return new Page<>(out, r.cursorAfter(), r.hasNext());
    }
  }

  /** The keys of up to {@code n} results (all for -1). */
  static <T> List<Ref<T>> keys(ClassMapping<T> m, QueryResults<Entity> r, int n) {
    try (r) {
      List<Ref<T>> out = new ArrayList<>();
      while ((n < 0 || out.size() < n) && r.hasNext()) {
        out.add(Ref.of(m.type(), r.next().completeKey()));
      }
      return out;
    }
  }

  /** Counts the results of {@code r}. */
  static long countAll(QueryResults<Entity> r) {
    try (r) {
      long n = 0;
      while (r.hasNext()) {
        r.next();
        n++;
      }
      return n;
    }
  }

  /**
   * The number of results of {@code q}: a COUNT aggregation, or (in a transaction, which runs
   * only queries) a keys-only scan.
   */
  static long count(Session s, Query q) {
    if (s.inTransaction()) {
      return countAll(s.run(q.toBuilder().keysOnly(true).build()));
    }
    Query all = q.toBuilder().keysOnly(false).build();
    Value n = s.datastore()
        .runAggregation(AggregationQuery.of(all, Aggregation.count().as("count")))
        .get("count");
    return ((IntegerValue) n).value();
  }

  /** Checks that a compiled query selects whole entities of {@code m}'s kind. */
  static void checkKind(ClassMapping<?> m, Query q, String text) {
    if (q.kind() == null || !q.kind().equals(m.kind())) {
      throw new BadRequestException("a query of " + m.type().getSimpleName() + " must select kind '"
          + m.kind() + "', not " + (q.kind() == null ? "every kind" : "'" + q.kind() + "'")
          + ": " + text);
    }
    if (!q.projection().isEmpty()) {
      throw new BadRequestException("a typed query returns whole entities; projections are not"
          + " allowed: " + text);
    }
  }

  /** {@code limit} combined with a query's own limit (-1 for none). */
  static int limit(int own, int wanted) {
    if (wanted < 0) {
      return own;
    }
    return own < 0 ? wanted : Math.min(own, wanted);
  }
}
