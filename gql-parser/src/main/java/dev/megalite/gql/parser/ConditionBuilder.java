package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Operator;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.Condition;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code WHERE} conditions from the parse tree, normalised to the forward form, with the
 * dialect's restrictions checked here, where the message can be specific.
 */
final class ConditionBuilder {
  private final GqlDialect dialect;
  private final ValueBuilder values;

  ConditionBuilder(GqlDialect dialect, ValueBuilder values) {
    this.dialect = dialect;
    this.values = values;
  }

  Condition disjunction(GqlParser.DisjunctionContext ctx) {
    List<GqlParser.ConjunctionContext> parts = ctx.conjunction();
    if (parts.size() == 1) {
      return conjunction(parts.get(0));
    }
    if (dialect == GqlDialect.APP_ENGINE) {
      throw GqlException.semantic(
          Literals.position(ctx.OR(0).getSymbol()),
          "OR is Cloud GQL; App Engine GQL joins conditions with AND only (use IN for"
              + " alternatives of one property)");
    }
    List<Condition> out = new ArrayList<>();
    for (GqlParser.ConjunctionContext c : parts) {
      Condition part = conjunction(c);
      if (part instanceof Condition.Or or) {
        out.addAll(or.conditions());
      } else {
        out.add(part);
      }
    }
    return new Condition.Or(Literals.position(ctx.getStart()), out);
  }

  private Condition conjunction(GqlParser.ConjunctionContext ctx) {
    List<GqlParser.ConditionContext> parts = ctx.condition();
    if (parts.size() == 1) {
      return condition(parts.get(0));
    }
    List<Condition> out = new ArrayList<>();
    for (GqlParser.ConditionContext c : parts) {
      Condition part = condition(c);
      if (part instanceof Condition.And and) {
        out.addAll(and.conditions());
      } else {
        out.add(part);
      }
    }
    return new Condition.And(Literals.position(ctx.getStart()), out);
  }

  private Condition condition(GqlParser.ConditionContext ctx) {
    Position at = Literals.position(ctx.getStart());
    if (ctx instanceof GqlParser.ForwardConditionContext f) {
      return predicate(at, values.name(f.name()), f.predicate());
    }
    if (ctx instanceof GqlParser.BackwardConditionContext b) {
      return backward(at, b);
    }
    if (ctx instanceof GqlParser.AncestorConditionContext a) {
      if (dialect == GqlDialect.CLOUD) {
        throw GqlException.semantic(
            at, "ANCESTOR IS is App Engine GQL; Cloud GQL writes __key__ HAS ANCESTOR <key>");
      }
      return new Condition.HasAncestor(at, single(values.operand(a.operand()), "ANCESTOR IS"));
    }
    return disjunction(((GqlParser.GroupedConditionContext) ctx).disjunction());
  }

  private Condition predicate(Position at, Name property, GqlParser.PredicateContext ctx) {
    if (ctx instanceof GqlParser.ComparePredicateContext c) {
      Operator op = comparator(c.comparator());
      return new Condition.Comparison(at, property, op, single(values.operand(c.operand()), op.symbol()));
    }
    if (ctx instanceof GqlParser.InPredicateContext in) {
      return new Condition.Comparison(at, property, Operator.IN, list(values.operand(in.operand()), "IN"));
    }
    if (ctx instanceof GqlParser.NotInPredicateContext notIn) {
      if (dialect == GqlDialect.APP_ENGINE) {
        throw GqlException.semantic(
            Literals.position(notIn.NOT().getSymbol()), "NOT IN is Cloud GQL, not App Engine GQL");
      }
      return new Condition.Comparison(
          at, property, Operator.NOT_IN, list(values.operand(notIn.operand()), "NOT IN"));
    }
    if (ctx instanceof GqlParser.ContainsPredicateContext c) {
      return new Condition.Comparison(
          at, property, Operator.EQUAL, single(values.operand(c.operand()), "CONTAINS"));
    }
    if (ctx instanceof GqlParser.HasAncestorPredicateContext h) {
      if (!property.isKey()) {
        throw GqlException.semantic(
            at, "HAS ANCESTOR needs __key__ on its left, not '" + property.text() + "'");
      }
      return new Condition.HasAncestor(at, single(values.operand(h.operand()), "HAS ANCESTOR"));
    }
    GqlParser.IsPredicateContext is = (GqlParser.IsPredicateContext) ctx;
    Position isAt = Literals.position(is.IS().getSymbol());
    if (dialect == GqlDialect.APP_ENGINE) {
      throw GqlException.semantic(
          isAt, "IS can only be used as ANCESTOR IS in App Engine GQL; compare with = instead");
    }
    Expr value = values.operand(is.operand());
    if (!(value instanceof Expr.NullLiteral)) {
      throw GqlException.semantic(
          isAt, "IS can only be followed by NULL (or used as HAS ANCESTOR); compare with = instead");
    }
    return new Condition.IsNull(at, property);
  }

  private Condition backward(Position at, GqlParser.BackwardConditionContext ctx) {
    if (dialect == GqlDialect.APP_ENGINE) {
      throw GqlException.semantic(
          at, "App Engine GQL writes the property first: <property> <operator> <value>");
    }
    Expr value = values.scalar(ctx.scalar());
    Name property = values.name(ctx.name());
    GqlParser.BackwardOperatorContext op = ctx.backwardOperator();
    if (op instanceof GqlParser.BackwardComparatorContext c) {
      return new Condition.Comparison(at, property, flip(comparator(c.comparator())), value);
    }
    if (op instanceof GqlParser.BackwardInContext) {
      // value IN property: the (multi-valued) property contains the value.
      return new Condition.Comparison(at, property, Operator.EQUAL, value);
    }
    if (!property.isKey()) {
      throw GqlException.semantic(
          property.position(),
          "HAS DESCENDANT needs __key__ on its right, not '" + property.text() + "'");
    }
    return new Condition.HasAncestor(at, value);
  }

  private static Expr single(Expr value, String operator) {
    if (value instanceof Expr.ListExpr) {
      throw GqlException.semantic(
          value.position(),
          "a list of values is only allowed after IN or NOT IN, not after " + operator);
    }
    return value;
  }

  private static Expr list(Expr value, String operator) {
    if (value instanceof Expr.ListExpr || value instanceof Expr.Binding) {
      return value;
    }
    throw GqlException.semantic(
        value.position(), operator + " needs a list of values or a binding site, not a single value");
  }

  private static Operator comparator(GqlParser.ComparatorContext ctx) {
    return switch (ctx.getStart().getType()) {
      case GqlLexer.EQ -> Operator.EQUAL;
      case GqlLexer.NE -> Operator.NOT_EQUAL;
      case GqlLexer.LT -> Operator.LESS_THAN;
      case GqlLexer.LE -> Operator.LESS_THAN_OR_EQUAL;
      case GqlLexer.GT -> Operator.GREATER_THAN;
      case GqlLexer.GE -> Operator.GREATER_THAN_OR_EQUAL;
      default -> throw new IllegalStateException("not a comparator: " + ctx.getText());
    };
  }

  private static Operator flip(Operator op) {
    return switch (op) {
      case LESS_THAN -> Operator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      default -> op;
    };
  }
}
