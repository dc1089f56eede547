package dev.megalite.api.model;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.model.mapping.ClassMapping;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The cost of the model layer, not a test: put and load throughput of the same entities through
 * the model layer ({@code employee.put()}, {@code Models.putAll}, {@code Models.get}, a typed
 * query) and through the low-level API ({@code Entity.newBuilder(...).set(...)}, {@code ds.put},
 * {@code ds.get}, {@code ds.run}), on the in-memory store and on RocksDB. Each figure is the best
 * of several rounds (after a warm-up round), each round on a fresh store, with the spread
 * ({@code (best - worst) / best}); model and low-level rounds alternate so drift hits both.
 *
 * <p>Arguments (all optional): entities per round (default 50000), rounds (default 3). Reads go
 * over the entities 10 times per round. Last, the conversion alone (no store): nanoseconds per
 * entity to load ({@code fromEntity}) and to save ({@code toEntity}, against building the entity
 * by hand).
 */
public final class ModelBenchmark {
  private ModelBenchmark() {}

  enum Role {
    EXECUTIVE,
    MANAGER,
    PRODUCER
  }

  /** Ten properties of the common types, one unindexed, one multi-valued. */
  @dev.megalite.api.model.Entity
  static class Employee extends Model<Employee> {
    @Id long id;
    String name;
    String email;
    Role role;
    long salary;
    double rating;
    boolean active;
    LocalDate hired;
    List<String> skills;
    @Unindex String bio;
    Instant updated;
  }

  private static final Role[] ROLES = Role.values();
  /** Reads are fast: each read round goes over the entities this many times. */
  private static final int READ_PASSES = 10;
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  static Employee model(int i) {
    Employee e = new Employee();
    e.id = i + 1;
    e.name = "Employee " + i;
    e.email = "employee" + i + "@example.com";
    e.role = ROLES[i % 3];
    e.salary = 50_000 + i % 1000;
    e.rating = (i % 50) / 10.0;
    e.active = i % 4 != 0;
    e.hired = LocalDate.ofEpochDay(15_000 + i % 3000);
    e.skills = List.of("java", i % 2 == 0 ? "sql" : "go");
    e.bio = "Employee " + i + " joined us and never looked back.";
    e.updated = T0.plusSeconds(i);
    return e;
  }

  /** The same entity as {@link #model}, built by hand as low-level code would. */
  static Entity entity(String project, int i) {
    return Entity.newBuilder(Key.of(project, "Employee", i + 1))
        .set("name", "Employee " + i)
        .set("email", "employee" + i + "@example.com")
        .set("role", ROLES[i % 3].name())
        .set("salary", 50_000 + i % 1000)
        .set("rating", (i % 50) / 10.0)
        .set("active", i % 4 != 0)
        .set("hired", Instant.ofEpochSecond((15_000L + i % 3000) * 86_400))
        .set("skills", Value.of("java"), Value.of(i % 2 == 0 ? "sql" : "go"))
        .set("bio", Value.of("Employee " + i + " joined us and never looked back.").unindexed())
        .set("updated", T0.plusSeconds(i))
        .build();
  }

  /** One way of doing {@code n} operations on a store; returns a checksum so nothing is elided. */
  private interface Workload {
    long run(MegaliteDatastore ds, int n);
  }

  /** {@code preload}: a read workload, on a store holding the entities, repeated READ_PASSES times. */
  private record Pair(String name, boolean preload, Workload lowLevel, Workload model) {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Pair> pairs = List.of(
        new Pair("put, 1 entity per call", false,
            (ds, count) -> {
              for (int i = 0; i < count; i++) {
                ds.put(entity(ds.projectId(), i));
              }
              return count;
            },
            (ds, count) -> {
              for (int i = 0; i < count; i++) {
                model(i).put();
              }
              return count;
            }),
        new Pair("put, 100 entities per call", false,
            (ds, count) -> {
              for (int i = 0; i < count; i += 100) {
                List<Entity> batch = new ArrayList<>(100);
                for (int j = i; j < Math.min(count, i + 100); j++) {
                  batch.add(entity(ds.projectId(), j));
                }
                ds.put(batch);
              }
              return count;
            },
            (ds, count) -> {
              for (int i = 0; i < count; i += 100) {
                List<Employee> batch = new ArrayList<>(100);
                for (int j = i; j < Math.min(count, i + 100); j++) {
                  batch.add(model(j));
                }
                Models.putAll(batch);
              }
              return count;
            }),
        new Pair("get by key", true,
            (ds, count) -> {
              long sum = 0;
              for (int i = 0; i < count * READ_PASSES; i++) {
                sum += ds.get(Key.of(ds.projectId(), "Employee", i % count + 1))
                    .properties().size();
              }
              return sum;
            },
            (ds, count) -> {
              long sum = 0;
              for (int i = 0; i < count * READ_PASSES; i++) {
                sum += Models.get(Employee.class, i % count + 1).salary;
              }
              return sum;
            }),
        new Pair("query, all entities streamed", true,
            (ds, count) -> {
              long sum = 0;
              for (int pass = 0; pass < READ_PASSES; pass++) {
                try (QueryResults<Entity> r = ds.run(Query.newBuilder("Employee").build())) {
                  while (r.hasNext()) {
                    sum += r.next().properties().size();
                  }
                }
              }
              return sum;
            },
            (ds, count) -> {
              long sum = 0;
              for (int pass = 0; pass < READ_PASSES; pass++) {
                try (ModelResults<Employee> r = Models.query(Employee.class).run()) {
                  while (r.hasNext()) {
                    sum += r.next().salary;
                  }
                }
              }
              return sum;
            }));

    System.out.printf(Locale.ROOT, "%d cores, %,d entities per round, best of %d rounds%n",
        Runtime.getRuntime().availableProcessors(), n, rounds);
    System.out.printf(Locale.ROOT, "%-9s %-30s %14s %7s %14s %7s %9s%n", "store", "operation",
        "low-level/s", "spread", "model/s", "spread", "overhead");
    for (boolean rocks : new boolean[] {false, true}) {
      for (Pair p : pairs) {
        round(rocks, p, n); // warm-up, not counted
        List<double[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          results.add(round(rocks, p, n));
        }
        double[] low = stats(results, 0);
        double[] mod = stats(results, 1);
        System.out.printf(Locale.ROOT, "%-9s %-30s %,14.0f %6.1f%% %,14.0f %6.1f%% %8.1f%%%n",
            rocks ? "RocksDB" : "in-memory", p.name(), low[0], low[1], mod[0], mod[1],
            100 * (low[0] / mod[0] - 1));
      }
    }
    conversions(n, rounds);
  }

  /** Nanoseconds per entity of the conversions alone, best of {@code rounds}. */
  private static void conversions(int n, int rounds) {
    ClassMapping<Employee> m = ClassMapping.of(Employee.class);
    Entity stored = entity("megalite", 7);
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    long sink = 0;
    for (int r = 0; r <= rounds; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n * READ_PASSES; i++) {
        sink += m.fromEntity(stored).salary;
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n * READ_PASSES; i++) {
        sink += entity("megalite", i).properties().size();
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < n * READ_PASSES; i++) {
        sink += m.toEntity(model(i), "megalite").properties().size();
      }
      long t3 = System.nanoTime();
      if (r > 0) {
        double ops = (double) n * READ_PASSES;
        best[0] = Math.min(best[0], (t1 - t0) / ops);
        best[1] = Math.min(best[1], (t2 - t1) / ops);
        best[2] = Math.min(best[2], (t3 - t2) / ops);
      }
    }
    System.out.printf(Locale.ROOT, "conversion alone, ns per entity: load (fromEntity) %.0f;"
        + " save: entity built by hand %.0f, model object + toEntity %.0f (%d)%n",
        best[0], best[1], best[2], sink % 10);
  }

  /** The best rate and the spread in percent of column {@code col}. */
  private static double[] stats(List<double[]> results, int col) {
    double best = results.stream().mapToDouble(r -> r[col]).max().getAsDouble();
    double worst = results.stream().mapToDouble(r -> r[col]).min().getAsDouble();
    return new double[] {best, 100 * (best - worst) / best};
  }

  /** One round: the low-level and the model workload, each on a fresh store; ops per second. */
  private static double[] round(boolean rocks, Pair p, int n) {
    return new double[] {
      measure(rocks, p.preload(), n, ds -> p.lowLevel().run(ds, n)),
      measure(rocks, p.preload(), n, ds -> p.model().run(ds, n))
    };
  }

  private interface Body {
    long run(MegaliteDatastore ds);
  }

  private static double measure(boolean rocks, boolean preload, int n, Body body) {
    Path dir = rocks ? tempDir() : null;
    try (MegaliteDatastore ds = Megalite.makeDefault(
        Megalite.open(MegaliteOptions.newBuilder().dataDir(dir).build()))) {
      if (preload) {
        for (int i = 0; i < n; i += 500) {
          List<Entity> batch = new ArrayList<>(500);
          for (int j = i; j < Math.min(n, i + 500); j++) {
            batch.add(entity(ds.projectId(), j));
          }
          ds.put(batch);
        }
      }
      LongSupplier work = () -> body.run(ds);
      long start = System.nanoTime();
      long checksum = work.getAsLong();
      long nanos = System.nanoTime() - start;
      if (checksum == Long.MIN_VALUE) {
        System.out.println("unlikely");
      }
      return (preload ? (double) n * READ_PASSES : n) / (nanos / 1e9);
    } finally {
      Models.use(null);
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("megalite-model-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
