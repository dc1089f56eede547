package dev.megalite.gql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.megalite.api.query.GqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random token strings and mutated valid queries, with a fixed seed and a fixed number of
 * iterations: parsing and binding them either works or throws {@link GqlException}, nothing else.
 */
class GqlFuzzTest {
  private static final int ITERATIONS = 4_000;

  private static final String[] TOKENS = {
    "SELECT", "AGGREGATE", "DISTINCT", "ON", "COUNT", "COUNT_UP_TO", "SUM", "AVG", "AS", "OVER",
    "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "ANCESTOR", "HAS",
    "DESCENDANT", "CONTAINS", "ORDER", "BY", "ASC", "DESC", "GROUP", "LIMIT", "FIRST", "OFFSET",
    "HINT", "ORDER_FIRST", "FILTER_FIRST", "ANCESTOR_FIRST", "KEY", "PROJECT", "NAMESPACE",
    "ARRAY", "BLOB", "DATETIME", "DATE", "TIME", "GEOPT", "USER", "=", "!=", "<", "<=", ">", ">=",
    "(", ")", ",", "*", "+", "-", ";", ".", ":1", ":2", ":name", "@1", "@2", "@name", "@0", ":0",
    "0", "1", "-5", "42", "9223372036854775808", "1.5", "1e999", ".5", "'x'", "'it''s'", "'a\\'b'",
    "'\\q'", "\"dq\"", "\"a b\"", "`bq`", "`a\\`b`", "``", "'open", "\"open", "`open", "__key__",
    "Person", "age", "a.b", "x", "Ünï", "$", "#", "~", "\\", "\n", "\t", "'2020-01-02 03:04:05'",
    "'2013-09-29T09:30:20Z'", "'aGVsbG8='", "'a@b.com'",
  };

  private static final Object[] ARGUMENTS = {
    1L, 2, 2.5, "s", true, null, new byte[] {1}, List.of(1L, 2L), dev.megalite.api.query.Cursor.of(new byte[] {1}),
    dev.megalite.api.Key.of("p", "K", 1), new Object(), List.of(List.of(1L)), -1L, Long.MAX_VALUE,
  };

  @Test
  void randomTokenStringsOnlyEverFailWithGqlException() {
    Random random = new Random(20_240_601L);
    for (int i = 0; i < ITERATIONS; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(14);
      if (random.nextBoolean()) {
        sb.append(random.nextBoolean() ? "SELECT " : "SELECT * FROM K WHERE ");
      }
      for (int t = 0; t < n; t++) {
        sb.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
      }
      check(sb.toString(), random);
    }
  }

  @Test
  void mutatedValidExamplesOnlyEverFailWithGqlException() {
    Random random = new Random(7_654_321L);
    List<Example> valid = Example.load("valid");
    int parsed = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Example e = valid.get(random.nextInt(valid.size()));
      String mutated = mutate(e.text(), random);
      if (check(mutated, random)) {
        parsed++;
      }
    }
    // Some mutations keep the query valid; most do not. Both kinds must have been exercised.
    assertThat(parsed).isBetween(1, ITERATIONS - 1);
  }

  private static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
      switch (random.nextInt(5)) {
        case 0 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(at);
          }
        }
        case 1 -> sb.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 2 -> sb.insert(at, (char) (32 + random.nextInt(95)));
        case 3 -> {
          List<String> words = new ArrayList<>(List.of(sb.toString().split(" ")));
          if (words.size() > 1) {
            int a = random.nextInt(words.size());
            int b = random.nextInt(words.size());
            String w = words.get(a);
            words.set(a, words.get(b));
            words.set(b, w);
          }
          sb.setLength(0);
          sb.append(String.join(" ", words));
        }
        default -> {
          if (sb.length() > 0) {
            int end = Math.min(sb.length(), at + 1 + random.nextInt(8));
            sb.delete(at, end);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Parses and binds in both dialects; true if it parsed in at least one. */
  private static boolean check(String text, Random random) {
    boolean parsed = false;
    for (GqlDialect dialect : GqlDialect.values()) {
      try {
        GqlStatement statement = Gql.parseUncached(text, dialect);
        parsed = true;
        statement.format();
        statement.bind(randomBindings(statement, random), "p", random.nextBoolean() ? null : "ns");
      } catch (GqlException expected) {
        assertThat(expected.line()).isPositive();
        assertThat(expected.column()).isPositive();
      } catch (RuntimeException | StackOverflowError e) {
        fail("'" + text + "' in " + dialect + " threw " + e, e);
      }
    }
    return parsed;
  }

  private static GqlBindings randomBindings(GqlStatement statement, Random random) {
    GqlBindings.Builder b = GqlBindings.newBuilder();
    int positional = statement.positionalSites().isEmpty() ? 0 : statement.positionalSites().stream().max(Integer::compare).orElse(0);
    for (int i = 0; i < positional + (random.nextInt(8) == 0 ? 1 : 0); i++) {
      b.add(ARGUMENTS[random.nextInt(ARGUMENTS.length)]);
    }
    for (String name : statement.namedSites()) {
      if (random.nextInt(10) > 0) {
        b.set(name, ARGUMENTS[random.nextInt(ARGUMENTS.length)]);
      }
    }
    return b.allowLiterals(random.nextInt(6) > 0).build();
  }
}
