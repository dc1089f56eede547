package dev.megalite.gql;

import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Name;
import java.util.ArrayList;
import java.util.List;

/** Resolves value expressions to api values for one bind: literals, arguments, casts, lists. */
final class Values {
  private final Arguments arguments;
  private final GqlDialect dialect;
  private final String project;
  private final String namespace;

  /**
   * @param project the project of KEY() literals without PROJECT()
   * @param namespace their namespace; null for the default namespace
   */
  Values(Arguments arguments, GqlDialect dialect, String project, String namespace) {
    this.arguments = arguments;
    this.dialect = dialect;
    this.project = project;
    this.namespace = namespace == null ? "" : namespace;
  }

  Arguments arguments() {
    return arguments;
  }

  GqlDialect dialect() {
    return dialect;
  }

  String project() {
    return project;
  }

  String namespace() {
    return namespace;
  }

  /** The value of {@code e}; a list value only where {@code listAllowed}. */
  Value resolve(Expr e, boolean listAllowed) {
    if (e instanceof Expr.Literal literal) {
      return literal(literal);
    }
    if (e instanceof Expr.Binding b) {
      return arguments.value(b, listAllowed);
    }
    if (e instanceof Expr.Cast c) {
      return Casts.evaluate(c, this);
    }
    if (e instanceof Expr.ListExpr l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Expr item : l.items()) {
        items.add(resolve(item, false));
      }
      return Value.list(items);
    }
    Name name = (Name) e;
    throw GqlException.semantic(
        name.position(), "'" + name.text() + "' is a name; a name is only allowed as a kind in KEY(…)");
  }

  /** The value of a list site (after IN / NOT IN): a list, or a binding holding one. */
  Value resolveList(Expr e, String operator) {
    Value v = resolve(e, true);
    if (!(v instanceof ListValue)) {
      String what = e instanceof Expr.Binding b ? "binding " + arguments.label(b) : "the value";
      throw GqlException.semantic(
          e.position(), what + " after " + operator + " must be a list of values, not a single value");
    }
    return v;
  }

  static Value literal(Expr.Literal literal) {
    try {
      if (literal instanceof Expr.IntegerLiteral i) {
        return Value.of(i.value());
      }
      if (literal instanceof Expr.DoubleLiteral d) {
        return Value.of(d.value());
      }
      if (literal instanceof Expr.StringLiteral s) {
        return Value.of(s.value());
      }
      if (literal instanceof Expr.BooleanLiteral b) {
        return Value.of(b.value());
      }
      return Value.ofNull();
    } catch (BadRequestException e) {
      throw GqlException.semantic(literal.position(), e.getMessage());
    }
  }

  /** How a value reads in a message: "string", "integer", … */
  static String typeName(Value v) {
    return v.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
