package dev.megalite.gql.parser;

import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Operator;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.SelectList;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules a statement must follow that the grammar cannot say: nothing projected twice, no
 * equality filter on a projected property, one ancestor condition and not under OR, distinct-on
 * properties among the projected ones, aggregation aliases unique.
 */
final class StatementChecks {
  private StatementChecks() {}

  static void check(Statement statement, GqlDialect dialect) {
    if (statement instanceof SelectStatement s) {
      checkSelect(s, dialect);
    } else {
      checkAggregate((AggregateStatement) statement, dialect);
    }
  }

  private static void checkAggregate(AggregateStatement a, GqlDialect dialect) {
    if (a.aggregations().size() > AggregationQuery.MAX_AGGREGATIONS) {
      throw GqlException.semantic(
          a.aggregations().get(AggregationQuery.MAX_AGGREGATIONS).position(),
          "at most " + AggregationQuery.MAX_AGGREGATIONS + " aggregations are allowed, not "
              + a.aggregations().size());
    }
    Map<String, Name> aliases = new HashMap<>();
    for (AggregateStatement.Item item : a.aggregations()) {
      Name alias = item.alias();
      if (alias == null) {
        continue;
      }
      if (alias.text().startsWith("__") && alias.text().endsWith("__") && alias.text().length() >= 4) {
        throw GqlException.semantic(alias.position(), "alias '" + alias.text() + "' is reserved (__name__)");
      }
      Name first = aliases.putIfAbsent(alias.text(), alias);
      if (first != null) {
        throw GqlException.semantic(
            alias.position(),
            "alias '" + alias.text() + "' is used twice (first at " + first.position() + ")");
      }
    }
    SelectStatement q = a.query();
    if (!(q.select() instanceof SelectList.All all) || !all.distinctOn().isEmpty()) {
      throw GqlException.semantic(
          q.select().position(),
          "aggregations run over SELECT * queries, not over projections, keys-only or DISTINCT"
              + " queries");
    }
    checkSelect(q, dialect);
  }

  private static void checkSelect(SelectStatement s, GqlDialect dialect) {
    List<Name> projected = List.of();
    List<Name> distinctOn = List.of();
    if (s.select() instanceof SelectList.Properties p) {
      projected = p.properties();
      distinctOn = p.distinctOn();
    } else if (s.select() instanceof SelectList.All all) {
      distinctOn = all.distinctOn();
    }
    Map<String, Name> seen = new HashMap<>();
    for (Name n : projected) {
      Name first = seen.putIfAbsent(n.text(), n);
      if (first != null) {
        throw GqlException.semantic(
            n.position(),
            "property '" + n.text() + "' is projected twice (first at " + first.position() + ")");
      }
    }
    Map<String, Name> distinct = new HashMap<>();
    for (Name n : distinctOn) {
      Name first = distinct.putIfAbsent(n.text(), n);
      if (first != null) {
        throw GqlException.semantic(
            n.position(), "property '" + n.text() + "' is listed twice in DISTINCT ON");
      }
      if (!projected.isEmpty() && !seen.containsKey(n.text())) {
        throw GqlException.semantic(
            n.position(),
            "DISTINCT ON property '" + n.text() + "' must also be projected");
      }
    }
    if (s.where() != null) {
      checkConditions(s, seen, dialect);
    }
  }

  private static void checkConditions(SelectStatement s, Map<String, Name> projected, GqlDialect dialect) {
    List<Condition> ancestors = new ArrayList<>();
    List<Condition> topLevel =
        s.where() instanceof Condition.And and ? and.conditions() : List.of(s.where());
    for (Condition c : topLevel) {
      if (c instanceof Condition.HasAncestor) {
        ancestors.add(c);
      }
    }
    if (ancestors.size() > 1) {
      throw GqlException.semantic(
          ancestors.get(1).position(),
          dialect == GqlDialect.APP_ENGINE
              ? "only one ANCESTOR IS condition is allowed"
              : "only one HAS ANCESTOR condition is allowed");
    }
    walk(s.where(), false, projected);
  }

  private static void walk(Condition c, boolean underOr, Map<String, Name> projected) {
    if (c instanceof Condition.And and) {
      for (Condition part : and.conditions()) {
        walk(part, underOr, projected);
      }
    } else if (c instanceof Condition.Or or) {
      for (Condition part : or.conditions()) {
        walk(part, true, projected);
      }
    } else if (c instanceof Condition.HasAncestor h) {
      if (underOr) {
        throw GqlException.semantic(
            h.position(), "an ancestor condition cannot be inside OR; put it beside the OR with AND");
      }
    } else if (c instanceof Condition.Comparison cmp) {
      boolean equality = cmp.operator() == Operator.EQUAL || cmp.operator() == Operator.IN;
      if (equality) {
        checkNotProjected(cmp.property(), cmp.operator().symbol(), projected);
      }
    } else if (c instanceof Condition.IsNull n) {
      checkNotProjected(n.property(), "IS NULL", projected);
    }
  }

  private static void checkNotProjected(Name property, String operator, Map<String, Name> projected) {
    if (projected.containsKey(property.text())) {
      throw GqlException.semantic(
          property.position(),
          "property '" + property.text() + "' has an equality filter (" + operator
              + ") and cannot also be projected");
    }
  }
}
