package dev.megalite.gql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code SELECT … [FROM kind] [WHERE …] [ORDER BY …] [LIMIT …] [OFFSET …] [HINT …]}. The kind,
 * condition, limit, offset and hint are null when absent.
 */
public record SelectStatement(
    Position position,
    SelectList select,
    Name kind,
    Condition where,
    List<OrderItem> orderBy,
    Limit limit,
    Offset offset,
    Hint hint)
    implements Statement {

  public SelectStatement {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(select, "select");
    orderBy = List.copyOf(orderBy);
  }
}
