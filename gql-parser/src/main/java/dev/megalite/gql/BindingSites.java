package dev.megalite.gql;

import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.ResultPosition;
import dev.megalite.gql.ast.SelectStatement;
import dev.megalite.gql.ast.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What a statement needs from its arguments, collected once at parse time: its binding sites in
 * text order, the positional indexes it uses, its casts and where its first literal value is.
 */
final class BindingSites {
  private static final Comparator<Position> TEXT_ORDER =
      Comparator.comparingInt(Position::line).thenComparingInt(Position::column);

  final List<Expr.Binding> sites;
  final TreeSet<Integer> positional;
  final List<Expr.Cast> casts;
  /** The first literal value (not a LIMIT/OFFSET count), or null. */
  final Expr firstLiteral;

  private BindingSites(List<Expr.Binding> sites, List<Expr.Cast> casts, List<Expr> literals) {
    sites.sort(Comparator.comparing(Expr::position, TEXT_ORDER));
    this.sites = List.copyOf(sites);
    this.positional = new TreeSet<>();
    for (Expr.Binding b : sites) {
      if (b instanceof Expr.PositionalBinding p) {
        positional.add(p.index());
      }
    }
    this.casts = List.copyOf(casts);
    this.firstLiteral = literals.stream().min(Comparator.comparing(Expr::position, TEXT_ORDER)).orElse(null);
  }

  static BindingSites of(Statement statement) {
    Collector c = new Collector();
    if (statement instanceof AggregateStatement a) {
      c.select(a.query());
    } else {
      c.select((SelectStatement) statement);
    }
    return new BindingSites(c.sites, c.casts, c.literals);
  }

  private static final class Collector {
    final List<Expr.Binding> sites = new ArrayList<>();
    final List<Expr.Cast> casts = new ArrayList<>();
    final List<Expr> literals = new ArrayList<>();

    void select(SelectStatement s) {
      if (s.where() != null) {
        condition(s.where());
      }
      if (s.limit() != null) {
        position(s.limit().first());
        position(s.limit().second());
      }
      if (s.offset() != null) {
        position(s.offset().base());
        position(s.offset().plus());
      }
    }

    void condition(Condition c) {
      if (c instanceof Condition.Comparison cmp) {
        value(cmp.value(), true);
      } else if (c instanceof Condition.HasAncestor h) {
        value(h.value(), true);
      } else if (c instanceof Condition.And and) {
        and.conditions().forEach(this::condition);
      } else if (c instanceof Condition.Or or) {
        or.conditions().forEach(this::condition);
      }
    }

    void value(Expr e, boolean top) {
      if (e instanceof Expr.Binding b) {
        sites.add(b);
      } else if (e instanceof Expr.Literal) {
        literals.add(e);
      } else if (e instanceof Expr.Cast cast) {
        if (top) {
          casts.add(cast);
          literals.add(cast);
        }
        cast.arguments().forEach(a -> value(a, false));
      } else if (e instanceof Expr.ListExpr l) {
        l.items().forEach(i -> value(i, top));
      }
    }

    void position(ResultPosition p) {
      if (p instanceof Expr.Binding b) {
        sites.add(b);
      }
    }
  }
}
