package dev.megalite.gql;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.parser.GqlSyntax;

/**
 * Entry point: GQL text to a {@link GqlStatement} that binds to queries.
 *
 * <pre>{@code
 * GqlStatement s = Gql.parse("SELECT * FROM Person WHERE age > @1", GqlDialect.CLOUD);
 * BoundGql bound = s.bind(GqlBindings.of(21L), "my-project", null);
 * }</pre>
 *
 * Parsed statements are cached by text and dialect (at most {@link #CACHE_CAPACITY}, least
 * recently used first out); errors are not cached.
 */
public final class Gql {
  /** How many parsed statements the cache keeps. */
  public static final int CACHE_CAPACITY = 1_000;

  private static final StatementCache CACHE = new StatementCache(CACHE_CAPACITY);

  private Gql() {}

  /**
   * The parsed statement for {@code text} in {@code dialect}, from the cache when it was parsed
   * before.
   *
   * @throws GqlException for a syntax error or a statement that breaks a rule
   */
  public static GqlStatement parse(String text, GqlDialect dialect) {
    GqlStatement cached = CACHE.get(text, dialect);
    if (cached != null) {
      return cached;
    }
    GqlStatement parsed = parseUncached(text, dialect);
    CACHE.put(parsed);
    return parsed;
  }

  /** Parses without looking at or filling the cache. */
  public static GqlStatement parseUncached(String text, GqlDialect dialect) {
    return new GqlStatement(text, dialect, GqlSyntax.parse(text, dialect));
  }

  /** Parses (through the cache) and binds in one call. */
  public static BoundGql bind(
      String text, GqlDialect dialect, GqlBindings bindings, String project, String namespace) {
    return parse(text, dialect).bind(bindings, project, namespace);
  }

  /** Empties the statement cache. */
  public static void clearCache() {
    CACHE.clear();
  }
}
