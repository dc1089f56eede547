package dev.megalite.engine.query;

import dev.megalite.api.query.SortOrder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The immutable plan of a query: one {@link Plan} per branch of its filter, merged in the query's
 * order and de-duplicated when there are several.
 */
public final class QueryPlan {
  private final NormalizedQuery query;
  private final List<Plan> branches;
  private final List<byte[]> constantPrefixes;

  QueryPlan(NormalizedQuery query, List<Plan> branches, List<byte[]> constantPrefixes) {
    this.query = query;
    this.branches = List.copyOf(branches);
    this.constantPrefixes = List.copyOf(constantPrefixes);
  }

  NormalizedQuery query() {
    return query;
  }

  List<Plan> branches() {
    return branches;
  }

  /** Per branch: the encoded sort values fixed by its equalities, that precede its positions. */
  List<byte[]> constantPrefixes() {
    return constantPrefixes;
  }

  /** A stable, readable description of the plan. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    if (branches.isEmpty()) {
      sb.append("Empty(the filter matches nothing)");
    } else if (branches.size() == 1) {
      sb.append(branches.get(0).explain());
    } else {
      sb.append(
          branches.stream().map(Plan::explain).collect(Collectors.joining(", ", "Union(", ")")));
    }
    if (!query.orders().isEmpty()) {
      sb.append(" order by ")
          .append(query.orders().stream().map(SortOrder::toString).collect(Collectors.joining(", ")));
    }
    if (query.keysOnly()) {
      sb.append(" keys only");
    }
    if (!query.projection().isEmpty()) {
      sb.append(" project ").append(query.projection());
    }
    if (!query.distinctOn().isEmpty()) {
      sb.append(" distinct on ").append(query.distinctOn());
    }
    if (query.offset() > 0) {
      sb.append(" offset ").append(query.offset());
    }
    if (query.limit() >= 0) {
      sb.append(" limit ").append(query.limit());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return explain();
  }
}
