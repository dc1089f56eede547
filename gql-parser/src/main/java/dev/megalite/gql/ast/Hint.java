package dev.megalite.gql.ast;

/** App Engine's {@code HINT}: accepted and kept for the formatter; the planner decides anyway. */
public enum Hint {
  ORDER_FIRST,
  FILTER_FIRST,
  ANCESTOR_FIRST
}
