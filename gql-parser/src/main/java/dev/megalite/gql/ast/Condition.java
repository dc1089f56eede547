package dev.megalite.gql.ast;

import dev.megalite.api.query.Operator;
import java.util.List;
import java.util.Objects;

/** A {@code WHERE} condition, normalised to the forward form (property on the left). */
public sealed interface Condition
    permits Condition.Comparison,
        Condition.IsNull,
        Condition.HasAncestor,
        Condition.And,
        Condition.Or {

  Position position();

  /**
   * {@code property op value}. {@code CONTAINS v} and backward {@code v IN property} are stored as
   * {@code =}; a backward comparison is stored with its operator flipped.
   */
  record Comparison(Position position, Name property, Operator operator, Expr value)
      implements Condition {
    public Comparison {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Cloud's {@code property IS NULL}, which means {@code property = NULL}. */
  record IsNull(Position position, Name property) implements Condition {
    public IsNull {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(property, "property");
    }
  }

  /**
   * {@code ANCESTOR IS value}, {@code __key__ HAS ANCESTOR value} or {@code value HAS DESCENDANT
   * __key__}: the results are {@code value} and its descendants.
   */
  record HasAncestor(Position position, Expr value) implements Condition {
    public HasAncestor {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(value, "value");
    }
  }

  /** All of at least two conditions. */
  record And(Position position, List<Condition> conditions) implements Condition {
    public And {
      Objects.requireNonNull(position, "position");
      conditions = List.copyOf(conditions);
      if (conditions.size() < 2) {
        throw new IllegalArgumentException("AND needs at least two conditions");
      }
    }
  }

  /** Any of at least two conditions (Cloud GQL). */
  record Or(Position position, List<Condition> conditions) implements Condition {
    public Or {
      Objects.requireNonNull(position, "position");
      conditions = List.copyOf(conditions);
      if (conditions.size() < 2) {
        throw new IllegalArgumentException("OR needs at least two conditions");
      }
    }
  }
}
