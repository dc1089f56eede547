package dev.megalite.api.model;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import java.util.List;
import java.util.Map;

/**
 * Turns a GQL {@code SELECT} into a {@link Query}. The engine provides one ({@code
 * Megalite.gqlCompiler()}); with it, typed GQL queries can count through an aggregation, return
 * keys only, resume from cursors and run inside transactions. Without one they still fetch and
 * iterate through {@link dev.megalite.api.Datastore#gql}.
 */
@FunctionalInterface
public interface GqlCompiler {

  /**
   * The query {@code gql} means with these bindings (Java values or {@code Value}s).
   *
   * @throws dev.megalite.api.error.BadRequestException for a syntax or binding error, or an
   *     aggregation
   */
  Query compile(
      GqlDialect dialect, String gql, Map<String, ?> named, List<?> positional, String project);
}
