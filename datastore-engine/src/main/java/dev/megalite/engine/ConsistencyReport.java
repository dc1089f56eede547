package dev.megalite.engine;

import java.util.List;

/**
 * What the consistency checker found: how much it scanned and every mismatch between entities and
 * their index rows.
 */
public record ConsistencyReport(long entities, long indexRows, List<String> problems) {
  public ConsistencyReport {
    problems = List.copyOf(problems);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
