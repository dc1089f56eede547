package dev.megalite.engine.query;

import dev.megalite.api.Value;

/** An equality {@code property = value}, with the value's ascending index encoding. */
record EqFilter(String property, Value value, byte[] encoded) {
  @Override
  public String toString() {
    return property + " = " + ValueText.of(value);
  }
}
