package dev.megalite.api.query;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;

/**
 * One aggregation of an {@link AggregationQuery}: {@code COUNT(*)}, {@code COUNT_UP_TO(n)}, {@code
 * SUM(property)} or {@code AVG(property)}, under an alias (null for the default {@code
 * property_N}, N being its 1-based position).
 */
public record Aggregation(Operator operator, String property, long upTo, String alias) {

  /** What an aggregation computes. */
  public enum Operator {
    COUNT,
    COUNT_UP_TO,
    SUM,
    AVG
  }

  public Aggregation {
    if (operator == null) {
      throw new BadRequestException("aggregation needs an operator");
    }
    boolean needsProperty = operator == Operator.SUM || operator == Operator.AVG;
    if (needsProperty) {
      if (property == null) {
        throw new BadRequestException(operator + " needs a property");
      }
      if (!property.equals(Filter.KEY_PROPERTY)) {
        Entity.validatePropertyName(property);
      }
    } else if (property != null) {
      throw new BadRequestException(operator + " takes no property");
    }
    if (operator == Operator.COUNT_UP_TO && upTo < 0) {
      throw new BadRequestException("COUNT_UP_TO(" + upTo + ") needs a non-negative limit");
    }
    if (alias != null) {
      if (alias.isEmpty() || alias.startsWith("__") && alias.endsWith("__")) {
        throw new BadRequestException("aggregation alias '" + alias + "' is empty or reserved");
      }
    }
  }

  public static Aggregation count() {
    return new Aggregation(Operator.COUNT, null, 0, null);
  }

  public static Aggregation countUpTo(long limit) {
    return new Aggregation(Operator.COUNT_UP_TO, null, limit, null);
  }

  public static Aggregation sum(String property) {
    return new Aggregation(Operator.SUM, property, 0, null);
  }

  public static Aggregation avg(String property) {
    return new Aggregation(Operator.AVG, property, 0, null);
  }

  /** This aggregation under {@code alias}. */
  public Aggregation as(String alias) {
    return new Aggregation(operator, property, upTo, alias);
  }

  @Override
  public String toString() {
    String body = switch (operator) {
      case COUNT -> "COUNT(*)";
      case COUNT_UP_TO -> "COUNT_UP_TO(" + upTo + ")";
      case SUM -> "SUM(" + property + ")";
      case AVG -> "AVG(" + property + ")";
    };
    return alias == null ? body : body + " AS " + alias;
  }
}
