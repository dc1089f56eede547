package dev.megalite.examples;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.IndexStatus;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small employee directory on the embedded datastore: companies as entity-group roots,
 * employees under them, and the queries App Engine users write every day. Run it twice: the data
 * is on disk, and the second run finds it there.
 */
public final class EmployeeDirectory {
  private static final String[] ROLES = {"executive", "manager", "producer"};
  private static final String[] SKILLS = {"java", "sql", "design", "sales", "ops"};

  private final MegaliteDatastore ds;
  private final PrintStream out;

  EmployeeDirectory(MegaliteDatastore ds, PrintStream out) {
    this.ds = ds;
    this.out = out;
  }

  public static void main(String[] args) {
    Path dir = Path.of(arg(args, "--data-dir", "data/example"));
    try (MegaliteDatastore ds = Megalite.open(dir)) {
      System.out.println("Megalite example: employee directory in " + dir.toAbsolutePath());
      new EmployeeDirectory(ds, System.out).run();
    }
  }

  void run() {
    Key acme = ds.newKey("Company", "acme");
    long before = count(Query.newBuilder("Employee").ancestor(acme).keysOnly().build());
    out.println("employees of acme already stored: " + before);
    ds.put(Entity.newBuilder(acme).set("name", "Acme Corp").set("founded", 1947).build());
    ds.put(employees(acme, 40));

    section("managers (equality, by key)");
    print(Query.newBuilder("Employee").filter(Filter.eq("role", "manager")).limit(5).build());

    section("managers who know sql (two equalities: merge join)");
    print(Query.newBuilder("Employee")
        .filter(Filter.and(Filter.eq("role", "manager"), Filter.eq("skills", "sql")))
        .build());

    section("salary above 150,000, highest first (inequality + sort)");
    print(Query.newBuilder("Employee")
        .filter(Filter.gt("salary", Value.of(150_000)))
        .orderBy(SortOrder.desc("salary"))
        .limit(5)
        .build());

    section("role IN (executive, producer) and active (a union of merge joins)");
    print(Query.newBuilder("Employee")
        .filter(Filter.and(
            Filter.in("role", Value.of("executive"), Value.of("producer")),
            Filter.eq("active", true)))
        .limit(5)
        .build());

    section("paging through acme's employees, 15 at a time, with cursors");
    Cursor cursor = null;
    int page = 0;
    while (true) {
      Query.Builder q = Query.newBuilder("Employee").ancestor(acme).keysOnly().limit(15);
      if (cursor != null) {
        q.startCursor(cursor);
      }
      int n = 0;
      try (QueryResults<Entity> r = ds.run(q.build())) {
        while (r.hasNext()) {
          r.next();
          n++;
        }
        cursor = r.cursorAfter();
      }
      out.printf("  page %d: %d keys, next cursor …%s%n", ++page, n,
          cursor.toUrlSafe().substring(cursor.toUrlSafe().length() - 10));
      if (n < 15) {
        break;
      }
    }

    section("managers, newest hire first: a composite index, added in development mode");
    Query needsIndex = Query.newBuilder("Employee")
        .filter(Filter.eq("role", "manager"))
        .orderBy(SortOrder.desc("hired"))
        .limit(3)
        .build();
    print(needsIndex);
    out.println("  " + ds.explain(needsIndex));
    for (IndexStatus index : ds.indexes()) {
      out.println("  index " + index.definition() + ": " + index.state());
    }

    section("the same query where indexes are required (as in production)");
    try (MegaliteDatastore strict =
        Megalite.open(MegaliteOptions.newBuilder().requireIndexes(true).build())) {
      strict.run(needsIndex).close();
    } catch (NeedIndexException e) {
      out.println("  " + e.getMessage().replace("\n", "\n  "));
    }

    section("plans");
    out.println("  " + ds.explain(Query.newBuilder("Employee")
        .filter(Filter.and(Filter.eq("role", "manager"), Filter.eq("skills", "sql"))).build()));
    out.println("  " + ds.explain(Query.newBuilder("Employee")
        .orderBy(SortOrder.desc("salary")).build()));
    out.println("consistency check: " + ds.checkConsistency());
  }

  private List<Entity> employees(Key company, int n) {
    List<Entity> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(Entity.newBuilder(company.child("Employee", i))
          .set("name", "Employee " + i)
          .set("role", ROLES[i % ROLES.length])
          .set("salary", 50_000 + (i * 7_919L) % 200_000)
          .set("hired", Instant.parse("2010-01-01T00:00:00Z").plusSeconds(86_400L * 37 * i))
          .set("active", i % 4 != 0)
          .set("skills", Value.of(SKILLS[i % 5]), Value.of(SKILLS[(i * 3 + 1) % 5]))
          .set("bio", Value.of("Employee " + i + " joined us and never looked back.").unindexed())
          .build());
    }
    return out;
  }

  private void section(String title) {
    out.println();
    out.println("== " + title);
  }

  private void print(Query q) {
    try (QueryResults<Entity> r = ds.run(q)) {
      while (r.hasNext()) {
        Entity e = r.next();
        out.printf("  %-12s %-10s salary %,d%n", e.getString("name"), e.getString("role"),
            e.getLong("salary"));
      }
    }
  }

  private long count(Query q) {
    long n = 0;
    try (QueryResults<Entity> r = ds.run(q)) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
