package dev.megalite.gql.parser;

import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Hint;
import dev.megalite.gql.ast.Limit;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.Offset;
import dev.megalite.gql.ast.OrderItem;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.ResultPosition;
import dev.megalite.gql.ast.SelectList;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/** The parse tree of one statement to its AST, checked ({@link StatementChecks}) on the way. */
final class AstBuilder {
  private final GqlDialect dialect;
  private final ValueBuilder values;
  private final ConditionBuilder conditions;

  AstBuilder(GqlDialect dialect) {
    this.dialect = dialect;
    this.values = new ValueBuilder(dialect);
    this.conditions = new ConditionBuilder(dialect, values);
  }

  Statement statement(GqlParser.StatementContext ctx) {
    Position at = Literals.position(ctx.getStart());
    Statement statement;
    if (ctx instanceof GqlParser.SelectStatementContext s) {
      statement = select(at, s.selectBody());
    } else {
      GqlParser.AggregateStatementContext a = (GqlParser.AggregateStatementContext) ctx;
      GqlParser.QueryContext inner = a.query();
      Statement query = select(Literals.position(inner.getStart()), inner.selectBody());
      if (!(query instanceof SelectStatement q)) {
        throw GqlException.semantic(
            query.position(), "the query inside AGGREGATE … OVER ( … ) cannot aggregate itself");
      }
      statement = new AggregateStatement(at, aggregations(a.aggregation()), q);
    }
    StatementChecks.check(statement, dialect);
    return statement;
  }

  private Statement select(Position at, GqlParser.SelectBodyContext body) {
    if (body instanceof GqlParser.AggregationSelectContext a) {
      Name kind = a.fromClause() == null ? null : values.name(a.fromClause().name());
      Condition where =
          a.whereClause() == null ? null : conditions.disjunction(a.whereClause().disjunction());
      SelectStatement over =
          new SelectStatement(
              at, new SelectList.All(at, List.of()), kind, where, List.of(), null, null, null);
      return new AggregateStatement(at, aggregations(a.aggregation()), over);
    }
    GqlParser.EntitySelectContext e = (GqlParser.EntitySelectContext) body;
    SelectList select = resultList(e.resultList());
    Name kind = e.fromClause() == null ? null : values.name(e.fromClause().name());
    Condition where =
        e.whereClause() == null ? null : conditions.disjunction(e.whereClause().disjunction());
    List<OrderItem> orders = new ArrayList<>();
    if (e.orderClause() != null) {
      for (GqlParser.OrderItemContext o : e.orderClause().orderItem()) {
        boolean descending = o.direction != null && o.direction.getType() == GqlLexer.DESC;
        orders.add(new OrderItem(values.name(o.name()), descending));
      }
    }
    Limit limit = null;
    Offset offset = null;
    Position offsetInLimit = null;
    for (ParseTree child : e.children) {
      if (child instanceof GqlParser.LimitClauseContext l) {
        Position p = Literals.position(l.getStart());
        if (limit != null) {
          throw GqlException.semantic(p, "LIMIT is given twice (first at " + limit.position() + ")");
        }
        List<GqlParser.ResultPositionContext> rp = l.resultPosition();
        if (l.FIRST() != null) {
          limit = new Limit(p, values.resultPosition(rp.get(0)), values.resultPosition(rp.get(1)));
        } else if (rp.size() == 2) {
          if (dialect == GqlDialect.CLOUD) {
            throw GqlException.semantic(
                p, "LIMIT offset, count is App Engine GQL; Cloud GQL writes LIMIT count OFFSET offset");
          }
          if (offset != null) {
            throw GqlException.semantic(
                p, "OFFSET is given twice: at " + offset.position() + " and in this LIMIT");
          }
          ResultPosition skip = values.resultPosition(rp.get(0));
          offset = new Offset(skip.position(), skip, null);
          offsetInLimit = p;
          limit = new Limit(p, values.resultPosition(rp.get(1)), null);
        } else {
          limit = new Limit(p, values.resultPosition(rp.get(0)), null);
        }
      } else if (child instanceof GqlParser.OffsetClauseContext o) {
        Position p = Literals.position(o.getStart());
        if (offset != null) {
          throw GqlException.semantic(
              p,
              offsetInLimit != null
                  ? "OFFSET is already given in the LIMIT clause at " + offsetInLimit
                  : "OFFSET is given twice (first at " + offset.position() + ")");
        }
        List<GqlParser.ResultPositionContext> rp = o.resultPosition();
        if (rp.size() == 2 && dialect == GqlDialect.APP_ENGINE) {
          throw GqlException.semantic(p, "OFFSET a + b is Cloud GQL, not App Engine GQL");
        }
        offset =
            new Offset(
                p,
                values.resultPosition(rp.get(0)),
                rp.size() == 2 ? values.resultPosition(rp.get(1)) : null);
      }
    }
    Hint hint = e.hintClause() == null ? null : hint(e.hintClause().hint);
    return new SelectStatement(at, select, kind, where, orders, limit, offset, hint);
  }

  private SelectList resultList(GqlParser.ResultListContext ctx) {
    Position at = Literals.position(ctx.getStart());
    if (ctx instanceof GqlParser.AllResultsContext) {
      return new SelectList.All(at, List.of());
    }
    if (ctx instanceof GqlParser.PropertyResultsContext p) {
      List<Name> names = values.names(p.names());
      if (names.size() == 1 && names.get(0).isKey()) {
        return new SelectList.Keys(at);
      }
      return new SelectList.Properties(at, noKey(names), false, List.of());
    }
    GqlParser.DistinctResultsContext d = (GqlParser.DistinctResultsContext) ctx;
    if (d.ON() == null) {
      return new SelectList.Properties(at, noKey(values.names(d.names(0))), true, List.of());
    }
    List<Name> on = noKey(values.names(d.names(0)));
    if (d.distinctStar != null) {
      return new SelectList.All(at, on);
    }
    return new SelectList.Properties(at, noKey(values.names(d.names(1))), false, on);
  }

  private static List<Name> noKey(List<Name> names) {
    for (Name n : names) {
      if (n.isKey()) {
        throw GqlException.semantic(
            n.position(), "__key__ can only be selected on its own, as SELECT __key__ (keys only)");
      }
    }
    return names;
  }

  private List<AggregateStatement.Item> aggregations(List<GqlParser.AggregationContext> list) {
    List<AggregateStatement.Item> out = new ArrayList<>();
    for (GqlParser.AggregationContext a : list) {
      Position at = Literals.position(a.getStart());
      Name alias = a.alias == null ? null : values.name(a.alias);
      out.add(
          switch (a.function.getType()) {
            case GqlLexer.COUNT -> new AggregateStatement.Item(
                at, Aggregation.Operator.COUNT, null, 0, alias);
            case GqlLexer.COUNT_UP_TO -> new AggregateStatement.Item(
                at, Aggregation.Operator.COUNT_UP_TO, null, Literals.count(a.INTEGER().getSymbol()).value(), alias);
            case GqlLexer.SUM -> new AggregateStatement.Item(
                at, Aggregation.Operator.SUM, values.name(a.name(0)), 0, alias);
            default -> new AggregateStatement.Item(
                at, Aggregation.Operator.AVG, values.name(a.name(0)), 0, alias);
          });
    }
    return out;
  }

  private static Hint hint(Token t) {
    return switch (t.getType()) {
      case GqlLexer.ORDER_FIRST -> Hint.ORDER_FIRST;
      case GqlLexer.FILTER_FIRST -> Hint.FILTER_FIRST;
      default -> Hint.ANCESTOR_FIRST;
    };
  }
}
