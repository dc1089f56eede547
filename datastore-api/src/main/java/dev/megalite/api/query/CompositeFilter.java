package dev.megalite.api.query;

import dev.megalite.api.error.BadRequestException;
import java.util.List;
import java.util.stream.Collectors;

/** An AND or OR of at least one filter. */
public record CompositeFilter(Op op, List<Filter> filters) implements Filter {

  /** The connective. */
  public enum Op {
    AND,
    OR
  }

  public CompositeFilter {
    if (op == null || filters == null || filters.isEmpty()) {
      throw new BadRequestException("composite filter needs an operator and at least one filter");
    }
    for (Filter f : filters) {
      if (f == null) {
        throw new BadRequestException("composite filter contains a null filter");
      }
    }
    filters = List.copyOf(filters);
  }

  public static CompositeFilter of(Op op, List<Filter> filters) {
    return new CompositeFilter(op, filters);
  }

  @Override
  public String toString() {
    return filters.stream()
        .map(Object::toString)
        .collect(Collectors.joining(" " + op + " ", "(", ")"));
  }
}
