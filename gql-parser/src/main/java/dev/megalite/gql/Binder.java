package dev.megalite.gql;

import dev.megalite.api.KeyValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.OrderItem;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.ResultPosition;
import dev.megalite.gql.ast.SelectList;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked statement plus its arguments to an api {@link Query} or {@link AggregationQuery}.
 * Every api error on the way becomes a {@link GqlException} at the node that caused it.
 */
final class Binder {
  private final Values values;
  private final String namespace;

  Binder(Values values, String namespace) {
    this.values = values;
    this.namespace = namespace;
  }

  BoundGql bind(Statement statement) {
    if (statement instanceof SelectStatement s) {
      return new BoundGql.Select(query(s));
    }
    AggregateStatement a = (AggregateStatement) statement;
    Query query = query(a.query());
    List<Aggregation> aggregations = new ArrayList<>(a.aggregations().size());
    for (AggregateStatement.Item item : a.aggregations()) {
      try {
        Aggregation agg =
            switch (item.function()) {
              case COUNT -> Aggregation.count();
              case COUNT_UP_TO -> Aggregation.countUpTo(item.upTo());
              case SUM -> Aggregation.sum(item.property().text());
              case AVG -> Aggregation.avg(item.property().text());
            };
        aggregations.add(item.alias() == null ? agg : agg.as(item.alias().text()));
      } catch (BadRequestException e) {
        throw GqlException.semantic(item.position(), e.getMessage());
      }
    }
    try {
      return new BoundGql.Aggregate(AggregationQuery.of(query, aggregations));
    } catch (BadRequestException e) {
      throw GqlException.semantic(a.position(), e.getMessage());
    }
  }

  private Query query(SelectStatement s) {
    Query.Builder b = Query.newBuilder();
    try {
      if (namespace != null) {
        b.namespace(namespace);
      }
      if (s.kind() != null) {
        b.kind(s.kind().text());
      }
    } catch (BadRequestException e) {
      throw GqlException.semantic(s.kind() == null ? s.position() : s.kind().position(), e.getMessage());
    }
    select(b, s.select());
    if (s.where() != null) {
      where(b, s.where());
    }
    for (OrderItem o : s.orderBy()) {
      String p = o.property().text();
      b.orderBy(at(o.property().position(), () -> o.descending() ? SortOrder.desc(p) : SortOrder.asc(p)));
    }
    if (s.limit() != null) {
      Position at = s.limit().position();
      List<Object> parts = new ArrayList<>(2);
      parts.add(resultPosition(s.limit().first(), "LIMIT"));
      if (s.limit().second() != null) {
        parts.add(resultPosition(s.limit().second(), "LIMIT"));
      }
      Long count = null;
      Cursor end = null;
      for (Object part : parts) {
        if (part instanceof Cursor c) {
          end = once(at, end, c, "LIMIT");
          b.endCursor(c);
        } else {
          count = count == null ? (Long) part : Math.min(count, (Long) part);
        }
      }
      if (count != null) {
        b.limit(range(at, count, "LIMIT"));
      }
    }
    if (s.offset() != null) {
      Position at = s.offset().position();
      long skip = 0;
      Cursor start = null;
      List<ResultPosition> parts = new ArrayList<>(2);
      parts.add(s.offset().base());
      if (s.offset().plus() != null) {
        parts.add(s.offset().plus());
      }
      for (ResultPosition p : parts) {
        Object part = resultPosition(p, "OFFSET");
        if (part instanceof Cursor c) {
          start = once(at, start, c, "OFFSET");
          b.startCursor(c);
        } else {
          long n = (Long) part;
          long sum = skip + n;
          // On overflow the sum is out of range anyway; keep its sign so the range check names it.
          skip = ((skip ^ sum) & (n ^ sum)) < 0 ? (n < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
        }
      }
      b.offset(range(at, skip, "OFFSET"));
    }
    return at(s.position(), b::build);
  }

  private static Cursor once(Position at, Cursor existing, Cursor c, String clause) {
    if (existing != null) {
      throw GqlException.semantic(at, clause + " can take at most one cursor");
    }
    return c;
  }

  private Object resultPosition(ResultPosition p, String clause) {
    if (p instanceof Expr.IntegerLiteral i) {
      return i.value();
    }
    return values.arguments().resultPosition((Expr.Binding) p, clause);
  }

  private static int range(Position at, long n, String clause) {
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw GqlException.semantic(at, clause + " " + n + " is outside 0.." + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  private static void select(Query.Builder b, SelectList list) {
    if (list instanceof SelectList.Keys) {
      b.keysOnly();
    } else if (list instanceof SelectList.All all) {
      b.distinctOn(texts(all.distinctOn()));
    } else {
      SelectList.Properties p = (SelectList.Properties) list;
      String[] projected = texts(p.properties());
      b.projection(projected);
      b.distinctOn(p.distinct() ? projected : texts(p.distinctOn()));
    }
  }

  private void where(Query.Builder b, Condition where) {
    List<Condition> top = where instanceof Condition.And and ? and.conditions() : List.of(where);
    List<Filter> filters = new ArrayList<>(top.size());
    for (Condition c : top) {
      if (c instanceof Condition.HasAncestor h) {
        Value v = values.resolve(h.value(), false);
        if (!(v instanceof KeyValue k)) {
          throw GqlException.semantic(
              h.value().position(), "the ancestor must be a key, not " + Values.typeName(v));
        }
        b.ancestor(k.value());
      } else {
        filters.add(filter(c));
      }
    }
    if (!filters.isEmpty()) {
      b.filter(filters.size() == 1 ? filters.get(0) : CompositeFilter.of(CompositeFilter.Op.AND, filters));
    }
  }

  private Filter filter(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      Value v =
          cmp.operator().takesList()
              ? values.resolveList(cmp.value(), cmp.operator().symbol())
              : values.resolve(cmp.value(), false);
      return at(cmp.position(), () -> PropertyFilter.of(cmp.property().text(), cmp.operator(), v));
    }
    if (c instanceof Condition.IsNull n) {
      return at(n.position(), () -> Filter.eq(n.property().text(), Value.ofNull()));
    }
    if (c instanceof Condition.HasAncestor h) {
      throw GqlException.semantic(h.position(), "an ancestor condition must be joined with AND");
    }
    boolean and = c instanceof Condition.And;
    List<Condition> parts = and ? ((Condition.And) c).conditions() : ((Condition.Or) c).conditions();
    List<Filter> filters = new ArrayList<>(parts.size());
    for (Condition part : parts) {
      filters.add(filter(part));
    }
    return CompositeFilter.of(and ? CompositeFilter.Op.AND : CompositeFilter.Op.OR, filters);
  }

  private static String[] texts(List<Name> names) {
    String[] out = new String[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = names.get(i).text();
    }
    return out;
  }

  private interface Step<T> {
    T run();
  }

  /** Runs an api construction step, turning its error into a GqlException at {@code at}. */
  private static <T> T at(Position at, Step<T> step) {
    try {
      return step.run();
    } catch (GqlException e) {
      throw e;
    } catch (BadRequestException e) {
      throw GqlException.semantic(at, e.getMessage());
    }
  }
}
