package dev.megalite.gql.format;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Limit;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.Offset;
import dev.megalite.gql.ast.OrderItem;
import dev.megalite.gql.ast.ResultPosition;
import dev.megalite.gql.ast.SelectList;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes an AST as canonical GQL text of one dialect. Stateless. A tree read from one dialect
 * formats faithfully in that dialect; formatting it in the other dialect works for what both
 * share (App Engine GQL has no OR, NOT IN, cursors, aggregations or names with spaces).
 */
public final class GqlFormatter {
  private GqlFormatter() {}

  /** The canonical text of {@code statement} in {@code dialect}. */
  public static String format(Statement statement, GqlDialect dialect) {
    StringBuilder sb = new StringBuilder();
    if (statement instanceof AggregateStatement a) {
      sb.append("AGGREGATE ");
      sb.append(join(a.aggregations(), item -> aggregation(item, dialect)));
      sb.append(" OVER (");
      select(sb, a.query(), dialect);
      sb.append(')');
    } else {
      select(sb, (SelectStatement) statement, dialect);
    }
    return sb.toString();
  }

  /** A value as written in {@code dialect}: a literal, binding site, cast or list. */
  public static String expression(Expr expr, GqlDialect dialect) {
    if (expr instanceof Expr.IntegerLiteral i) {
      return Long.toString(i.value());
    }
    if (expr instanceof Expr.DoubleLiteral d) {
      return Double.toString(d.value());
    }
    if (expr instanceof Expr.StringLiteral s) {
      return Quoting.string(s.value(), dialect);
    }
    if (expr instanceof Expr.BooleanLiteral b) {
      return b.value() ? "TRUE" : "FALSE";
    }
    if (expr instanceof Expr.NullLiteral) {
      return "NULL";
    }
    if (expr instanceof Expr.PositionalBinding p) {
      return sigil(dialect) + p.index();
    }
    if (expr instanceof Expr.NamedBinding n) {
      return sigil(dialect) + n.name();
    }
    if (expr instanceof Expr.Cast c) {
      return c.function() + "(" + join(c.arguments(), a -> expression(a, dialect)) + ")";
    }
    if (expr instanceof Expr.ListExpr l) {
      String items = join(l.items(), a -> expression(a, dialect));
      return dialect == GqlDialect.CLOUD ? "ARRAY(" + items + ")" : "(" + items + ")";
    }
    return Quoting.name(((Name) expr).text(), dialect);
  }

  /** A condition as written in {@code dialect}. */
  public static String condition(Condition condition, GqlDialect dialect) {
    if (condition instanceof Condition.Comparison c) {
      return name(c.property(), dialect)
          + " " + c.operator().symbol() + " " + expression(c.value(), dialect);
    }
    if (condition instanceof Condition.IsNull n) {
      return name(n.property(), dialect) + (dialect == GqlDialect.CLOUD ? " IS NULL" : " = NULL");
    }
    if (condition instanceof Condition.HasAncestor h) {
      String value = expression(h.value(), dialect);
      return dialect == GqlDialect.CLOUD ? "__key__ HAS ANCESTOR " + value : "ANCESTOR IS " + value;
    }
    if (condition instanceof Condition.And and) {
      return join(and.conditions(), c -> grouped(c, dialect), " AND ");
    }
    return join(((Condition.Or) condition).conditions(), c -> grouped(c, dialect), " OR ");
  }

  private static String grouped(Condition c, GqlDialect dialect) {
    boolean compound = c instanceof Condition.And || c instanceof Condition.Or;
    return compound ? "(" + condition(c, dialect) + ")" : condition(c, dialect);
  }

  private static void select(StringBuilder sb, SelectStatement s, GqlDialect dialect) {
    sb.append("SELECT ").append(selectList(s.select(), dialect));
    if (s.kind() != null) {
      sb.append(" FROM ").append(name(s.kind(), dialect));
    }
    if (s.where() != null) {
      sb.append(" WHERE ").append(condition(s.where(), dialect));
    }
    if (!s.orderBy().isEmpty()) {
      sb.append(" ORDER BY ").append(join(s.orderBy(), o -> order(o, dialect)));
    }
    if (s.limit() != null) {
      sb.append(" LIMIT ").append(limit(s.limit(), dialect));
    }
    if (s.offset() != null) {
      sb.append(" OFFSET ").append(offset(s.offset(), dialect));
    }
    if (s.hint() != null) {
      sb.append(" HINT ").append(s.hint());
    }
  }

  private static String selectList(SelectList list, GqlDialect dialect) {
    if (list instanceof SelectList.Keys) {
      return "__key__";
    }
    if (list instanceof SelectList.All all) {
      return all.distinctOn().isEmpty() ? "*" : "DISTINCT ON (" + names(all.distinctOn(), dialect) + ") *";
    }
    SelectList.Properties p = (SelectList.Properties) list;
    String properties = names(p.properties(), dialect);
    if (p.distinct()) {
      return "DISTINCT " + properties;
    }
    return p.distinctOn().isEmpty()
        ? properties
        : "DISTINCT ON (" + names(p.distinctOn(), dialect) + ") " + properties;
  }

  private static String aggregation(AggregateStatement.Item item, GqlDialect dialect) {
    String body =
        switch (item.function()) {
          case COUNT -> "COUNT(*)";
          case COUNT_UP_TO -> "COUNT_UP_TO(" + item.upTo() + ")";
          case SUM -> "SUM(" + name(item.property(), dialect) + ")";
          case AVG -> "AVG(" + name(item.property(), dialect) + ")";
        };
    return item.alias() == null ? body : body + " AS " + name(item.alias(), dialect);
  }

  private static String order(OrderItem o, GqlDialect dialect) {
    return name(o.property(), dialect) + (o.descending() ? " DESC" : "");
  }

  private static String limit(Limit limit, GqlDialect dialect) {
    return limit.isFirst()
        ? "FIRST(" + position(limit.first(), dialect) + ", " + position(limit.second(), dialect) + ")"
        : position(limit.first(), dialect);
  }

  private static String offset(Offset offset, GqlDialect dialect) {
    String base = position(offset.base(), dialect);
    return offset.plus() == null ? base : base + " + " + position(offset.plus(), dialect);
  }

  private static String position(ResultPosition p, GqlDialect dialect) {
    return expression((Expr) p, dialect);
  }

  private static String name(Name name, GqlDialect dialect) {
    return Quoting.name(name.text(), dialect);
  }

  private static String names(List<Name> names, GqlDialect dialect) {
    return join(names, n -> name(n, dialect));
  }

  private static String sigil(GqlDialect dialect) {
    return dialect == GqlDialect.CLOUD ? "@" : ":";
  }

  private static <T> String join(List<T> items, Function<T, String> f) {
    return join(items, f, ", ");
  }

  private static <T> String join(List<T> items, Function<T, String> f, String separator) {
    return items.stream().map(f).collect(Collectors.joining(separator));
  }
}
