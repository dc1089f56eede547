package dev.megalite.gql;

import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Limit;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.Offset;
import dev.megalite.gql.ast.OrderItem;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.ResultPosition;
import dev.megalite.gql.ast.SelectList;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.List;
import java.util.function.Function;

/** The same tree with every position set to 1:1, so trees from different texts compare equal. */
final class AstPositions {
  private static final Position P = Position.START;

  private AstPositions() {}

  static Statement strip(Statement s) {
    if (s instanceof AggregateStatement a) {
      return new AggregateStatement(
          P,
          map(a.aggregations(), i -> new AggregateStatement.Item(P, i.function(), name(i.property()), i.upTo(), name(i.alias()))),
          select(a.query()));
    }
    return select((SelectStatement) s);
  }

  private static SelectStatement select(SelectStatement s) {
    return new SelectStatement(
        P,
        selectList(s.select()),
        name(s.kind()),
        s.where() == null ? null : condition(s.where()),
        map(s.orderBy(), o -> new OrderItem(name(o.property()), o.descending())),
        s.limit() == null ? null : new Limit(P, position(s.limit().first()), position(s.limit().second())),
        s.offset() == null ? null : new Offset(P, position(s.offset().base()), position(s.offset().plus())),
        s.hint());
  }

  private static SelectList selectList(SelectList l) {
    if (l instanceof SelectList.All a) {
      return new SelectList.All(P, map(a.distinctOn(), AstPositions::name));
    }
    if (l instanceof SelectList.Keys) {
      return new SelectList.Keys(P);
    }
    SelectList.Properties p = (SelectList.Properties) l;
    return new SelectList.Properties(
        P, map(p.properties(), AstPositions::name), p.distinct(), map(p.distinctOn(), AstPositions::name));
  }

  private static Condition condition(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      return new Condition.Comparison(P, name(cmp.property()), cmp.operator(), expr(cmp.value()));
    }
    if (c instanceof Condition.IsNull n) {
      return new Condition.IsNull(P, name(n.property()));
    }
    if (c instanceof Condition.HasAncestor h) {
      return new Condition.HasAncestor(P, expr(h.value()));
    }
    if (c instanceof Condition.And and) {
      return new Condition.And(P, map(and.conditions(), AstPositions::condition));
    }
    return new Condition.Or(P, map(((Condition.Or) c).conditions(), AstPositions::condition));
  }

  private static ResultPosition position(ResultPosition p) {
    return p == null ? null : (ResultPosition) expr((Expr) p);
  }

  private static Expr expr(Expr e) {
    if (e instanceof Expr.IntegerLiteral i) {
      return new Expr.IntegerLiteral(P, i.value());
    }
    if (e instanceof Expr.DoubleLiteral d) {
      return new Expr.DoubleLiteral(P, d.value());
    }
    if (e instanceof Expr.StringLiteral s) {
      return new Expr.StringLiteral(P, s.value());
    }
    if (e instanceof Expr.BooleanLiteral b) {
      return new Expr.BooleanLiteral(P, b.value());
    }
    if (e instanceof Expr.NullLiteral) {
      return new Expr.NullLiteral(P);
    }
    if (e instanceof Expr.PositionalBinding b) {
      return new Expr.PositionalBinding(P, b.index());
    }
    if (e instanceof Expr.NamedBinding b) {
      return new Expr.NamedBinding(P, b.name());
    }
    if (e instanceof Expr.Cast c) {
      return new Expr.Cast(P, c.function(), map(c.arguments(), AstPositions::expr));
    }
    if (e instanceof Expr.ListExpr l) {
      return new Expr.ListExpr(P, map(l.items(), AstPositions::expr));
    }
    return name((Name) e);
  }

  private static Name name(Name n) {
    return n == null ? null : new Name(P, n.text());
  }

  private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
    return list.stream().map(f).toList();
  }
}
