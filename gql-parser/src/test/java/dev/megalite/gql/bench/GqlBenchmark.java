package dev.megalite.gql.bench;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.BoundGql;
import dev.megalite.gql.Gql;
import dev.megalite.gql.GqlBindings;
import dev.megalite.gql.GqlStatement;
import java.util.Locale;

/**
 * Parse + bind of a typical three-condition query: the very first call (class loading, ANTLR's
 * ATN), then per call after warm-up without the statement cache ("cold") and with it ("cached": a
 * cache hit plus a bind, i.e. one execution of a prepared statement). Run by hand:
 *
 * <pre>
 * mvn -q -pl gql-parser -am install -DskipTests
 * mvn -q -pl gql-parser exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.megalite.gql.bench.GqlBenchmark
 * </pre>
 */
public final class GqlBenchmark {
  private static final String CLOUD =
      "SELECT * FROM Person WHERE age >= @1 AND city = @2 AND active = @3 ORDER BY age DESC LIMIT 20";
  private static final String APP_ENGINE =
      "SELECT * FROM Person WHERE age >= :1 AND city = :2 AND active = :3 ORDER BY age DESC LIMIT 20";

  private static volatile Object sink;

  private GqlBenchmark() {}

  public static void main(String[] args) {
    GqlBindings bindings = GqlBindings.of(21L, "Paris", true);
    long t0 = System.nanoTime();
    sink = Gql.parseUncached(CLOUD, GqlDialect.CLOUD).bind(bindings, "bench");
    System.out.printf(Locale.ROOT, "first call ever: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    for (GqlDialect dialect : GqlDialect.values()) {
      String text = dialect == GqlDialect.CLOUD ? CLOUD : APP_ENGINE;
      for (int round = 1; round <= 5; round++) {
        double cold = perCall(50_000, () -> Gql.parseUncached(text, dialect).bind(bindings, "bench"));
        double cached = perCall(500_000, () -> Gql.parse(text, dialect).bind(bindings, "bench"));
        GqlStatement prepared = Gql.parse(text, dialect);
        double bindOnly = perCall(500_000, () -> prepared.bind(bindings, "bench"));
        System.out.printf(
            Locale.ROOT,
            "%-10s round %d: cold parse+bind %6.2f µs, cached parse+bind %5.2f µs, bind only %5.2f µs%n",
            dialect, round, cold, cached, bindOnly);
      }
    }
  }

  private interface Op {
    BoundGql run();
  }

  private static double perCall(int n, Op op) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink = op.run();
    }
    return (System.nanoTime() - start) / 1e3 / n;
  }
}
