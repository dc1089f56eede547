package dev.megalite.api.query;

/** A property filter's comparison. */
public enum Operator {
  EQUAL("="),
  LESS_THAN("<"),
  LESS_THAN_OR_EQUAL("<="),
  GREATER_THAN(">"),
  GREATER_THAN_OR_EQUAL(">="),
  NOT_EQUAL("!="),
  IN("IN"),
  NOT_IN("NOT IN");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The GQL spelling. */
  public String symbol() {
    return symbol;
  }

  /** {@code <, <=, >, >=}: a range on one property. */
  public boolean isInequality() {
    return this == LESS_THAN
        || this == LESS_THAN_OR_EQUAL
        || this == GREATER_THAN
        || this == GREATER_THAN_OR_EQUAL;
  }

  /** {@code !=, IN, NOT IN}: expanded into a disjunction of ranges. */
  public boolean isDisjunctive() {
    return this == NOT_EQUAL || this == IN || this == NOT_IN;
  }

  /** Whether the value must be a list (IN and NOT IN). */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }
}
