package dev.megalite.engine;

import dev.megalite.engine.quota.StoredDataUsage;
import java.util.List;

/**
 * What the consistency checker found: how much it scanned, every mismatch between entities and
 * their index rows, and the stored data recounted from the rows (null when it was not checked);
 * a recount that differs from the kept figures is a problem too.
 */
public record ConsistencyReport(
    long entities, long indexRows, List<String> problems, StoredDataUsage storedData) {
  public ConsistencyReport {
    problems = List.copyOf(problems);
  }

  public ConsistencyReport(long entities, long indexRows, List<String> problems) {
    this(entities, indexRows, problems, null);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }
}
