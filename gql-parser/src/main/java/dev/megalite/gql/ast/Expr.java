package dev.megalite.gql.ast;

import java.util.List;
import java.util.Objects;

/**
 * A value as written: a literal, a binding site, a cast such as {@code KEY('Kind', 1)}, a list
 * ({@code (a, b)} or {@code ARRAY(a, b)}), or a {@link Name} (only as a key kind).
 */
public sealed interface Expr
    permits Expr.Literal, Expr.Binding, Expr.Cast, Expr.ListExpr, Name {

  Position position();

  /** A literal value. */
  sealed interface Literal extends Expr
      permits IntegerLiteral, DoubleLiteral, StringLiteral, BooleanLiteral, NullLiteral {}

  /** A binding site: {@code :1} / {@code @1} or {@code :name} / {@code @name}. */
  sealed interface Binding extends Expr, ResultPosition permits PositionalBinding, NamedBinding {}

  /** A 64-bit integer literal. */
  record IntegerLiteral(Position position, long value) implements Literal, ResultPosition {
    public IntegerLiteral {
      Objects.requireNonNull(position, "position");
    }
  }

  /** A double literal. */
  record DoubleLiteral(Position position, double value) implements Literal {
    public DoubleLiteral {
      Objects.requireNonNull(position, "position");
    }
  }

  /** A string literal, unescaped. */
  record StringLiteral(Position position, String value) implements Literal {
    public StringLiteral {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code TRUE} or {@code FALSE}. */
  record BooleanLiteral(Position position, boolean value) implements Literal {
    public BooleanLiteral {
      Objects.requireNonNull(position, "position");
    }
  }

  /** {@code NULL}. */
  record NullLiteral(Position position) implements Literal {
    public NullLiteral {
      Objects.requireNonNull(position, "position");
    }
  }

  /** {@code :n} or {@code @n}: the n-th (1-based) positional argument. */
  record PositionalBinding(Position position, int index) implements Binding {
    public PositionalBinding {
      Objects.requireNonNull(position, "position");
      if (index < 1) {
        throw new IllegalArgumentException("binding positions start at 1, not " + index);
      }
    }
  }

  /** {@code :name} or {@code @name}: a named argument. */
  record NamedBinding(Position position, String name) implements Binding {
    public NamedBinding {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code FUNCTION(arguments)}; the arguments are checked when the cast is evaluated. */
  record Cast(Position position, CastFunction function, List<Expr> arguments) implements Expr {
    public Cast {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(function, "function");
      arguments = List.copyOf(arguments);
    }
  }

  /** A list of values, only meaningful after {@code IN} and {@code NOT IN}. */
  record ListExpr(Position position, List<Expr> items) implements Expr {
    public ListExpr {
      Objects.requireNonNull(position, "position");
      items = List.copyOf(items);
    }
  }
}
