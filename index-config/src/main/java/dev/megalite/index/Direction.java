package dev.megalite.index;

import dev.megalite.api.query.SortOrder;

/** The order of one property in a composite index. */
public enum Direction {
  ASC("asc"),
  DESC("desc");

  private final String configName;

  Direction(String configName) {
    this.configName = configName;
  }

  /** The spelling index.yaml and datastore-indexes.xml use: {@code asc} or {@code desc}. */
  public String configName() {
    return configName;
  }

  /** The index direction that serves a query sort in {@code direction}. */
  public static Direction of(SortOrder.Direction direction) {
    return direction == SortOrder.Direction.DESCENDING ? DESC : ASC;
  }

  public SortOrder.Direction toSortDirection() {
    return this == DESC ? SortOrder.Direction.DESCENDING : SortOrder.Direction.ASCENDING;
  }
}
