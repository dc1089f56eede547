package dev.megalite.api.model;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.mapping.ClassMapping;
import dev.megalite.api.model.mapping.JavaValues;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed GQL query, as App Engine's {@code db.GqlQuery}:
 *
 * <pre>{@code
 * GqlQuery<Employee> q = GqlQuery.of(Employee.class,
 *     "SELECT * FROM Employee WHERE role = :1 ORDER BY hireDate DESC", "manager");
 * List<Employee> top = q.fetch(10);
 * for (Employee e : q) { ... }
 * long n = q.count();
 * Page<Employee> page = q.fetchPage(20);  ...  q.startAt(page.cursor()).fetchPage(20);
 * }</pre>
 *
 * Bindings are model values (a {@code Ref}, an enum, a {@code BigDecimal}, a {@code LocalDate},
 * lists for IN), converted as fields of their type store them. Immutable: {@link #bind}, {@link
 * #startAt} and {@link #endAt} return new queries. Runs on the default datastore, or in the
 * current transaction (ancestor queries only).
 *
 * @param <T> the model class
 */
public final class GqlQuery<T> implements Iterable<T> {
  private final ClassMapping<T> mapping;
  private final GqlDialect dialect;
  private final String gql;
  private final List<Object> positional;
  private final Map<String, Object> named;
  private final Cursor start;
  private final Cursor end;

  private GqlQuery(
      ClassMapping<T> mapping,
      GqlDialect dialect,
      String gql,
      List<Object> positional,
      Map<String, Object> named,
      Cursor start,
      Cursor end) {
    this.mapping = mapping;
    this.dialect = dialect;
    this.gql = gql;
    this.positional = positional;
    this.named = named;
    this.start = start;
    this.end = end;
  }

  /** An App Engine GQL query over {@code type} with positional bindings {@code :1}, {@code :2}… */
  public static <T> GqlQuery<T> of(Class<T> type, String gql, Object... positional) {
    return of(type, GqlDialect.APP_ENGINE, gql, positional);
  }

  /** A GQL query of {@code dialect} over {@code type}. */
  public static <T> GqlQuery<T> of(
      Class<T> type, GqlDialect dialect, String gql, Object... positional) {
    if (gql == null || dialect == null) {
      throw new BadRequestException("a GQL query needs a dialect and a text");
    }
    List<Object> args = new ArrayList<>(positional.length);
    for (Object o : positional) {
      args.add(JavaValues.toBinding(o));
    }
    return new GqlQuery<>(ClassMapping.of(type).requireEntity(), dialect, gql,
        Collections.unmodifiableList(args), Map.of(), null, null);
  }

  /** This query with named binding {@code :name} (App Engine) / {@code @name} (Cloud). */
  public GqlQuery<T> bind(String name, Object value) {
    Map<String, Object> n = new LinkedHashMap<>(named);
    n.put(name, JavaValues.toBinding(value));
    return new GqlQuery<>(mapping, dialect, gql, positional, Collections.unmodifiableMap(n),
        start, end);
  }

  /** This query resuming after {@code cursor} (from a page or {@link ModelResults#cursorAfter}). */
  public GqlQuery<T> startAt(Cursor cursor) {
    return new GqlQuery<>(mapping, dialect, gql, positional, named, cursor, end);
  }

  /** This query stopping at {@code cursor}. */
  public GqlQuery<T> endAt(Cursor cursor) {
    return new GqlQuery<>(mapping, dialect, gql, positional, named, start, cursor);
  }

  /** The GQL text. */
  public String gql() {
    return gql;
  }

  /**
   * The query the text means with the bindings and cursors; needs the {@link GqlCompiler} of the
   * default datastore.
   */
  public Query query() {
    Session s = Models.session();
    Query q = compile(s, "query()");
    Fetching.checkKind(mapping, q, gql);
    return q;
  }

  /** At most {@code limit} results (and within the text's own LIMIT). */
  public List<T> fetch(int limit) {
    if (limit < 0) {
      throw new BadRequestException("fetch limit " + limit + " is negative");
    }
    return Fetching.list(mapping, open(limit), limit);
  }

  /** Every result (within the text's LIMIT). */
  public List<T> fetchAll() {
    return Fetching.list(mapping, open(-1), -1);
  }

  /** The first result, or null. */
  public T first() {
    List<T> one = fetch(1);
    return one.isEmpty() ? null : one.get(0);
  }

  /**
   * The number of results: a COUNT aggregation (counted through the results without the engine's
   * {@link GqlCompiler}).
   */
  public long count() {
    Session s = Models.session();
    if (s.compiler() == null && !s.inTransaction()) {
      return Fetching.countAll(openText(s));
    }
    return Fetching.count(s, compiled(s, "count()"));
  }

  /** The typed keys of the results (a keys-only query). */
  public List<Ref<T>> keys() {
    Session s = Models.session();
    if (s.compiler() == null && !s.inTransaction()) {
      return Fetching.keys(mapping, openText(s), -1);
    }
    return Fetching.keys(mapping, s.run(compiled(s, "keys()").toBuilder().keysOnly(true).build()),
        -1);
  }

  /**
   * Up to {@code pageSize} results, the cursor after them, and whether more follow. Pass the cursor
   * to {@link #startAt} for the next page.
   */
  public Page<T> fetchPage(int pageSize) {
    if (pageSize <= 0) {
      throw new BadRequestException("page size " + pageSize + " is not positive");
    }
    return Fetching.page(mapping, open(pageSize + 1), pageSize);
  }

  /** Streams the results; close them unless you read them to the end. */
  public ModelResults<T> run() {
    return new ModelResults<>(mapping, open(-1));
  }

  /**
   * Iterates over every result, streaming. The underlying results close when the iteration ends;
   * use {@link #run()} in try-with-resources to stop early.
   */
  @Override
  public Iterator<T> iterator() {
    return run();
  }

  private QueryResults<Entity> open(int limit) {
    Session s = Models.session();
    if (s.compiler() == null && !s.inTransaction() && start == null && end == null) {
      return openText(s);
    }
    Query q = compiled(s, "cursors and transactions");
    return s.run(q.toBuilder().limit(Fetching.limit(q.limit(), limit)).build());
  }

  private QueryResults<Entity> openText(Session s) {
    return s.datastore().gql(dialect, gql, named, positional.toArray());
  }

  private Query compiled(Session s, String what) {
    Query q = compile(s, what);
    Fetching.checkKind(mapping, q, gql);
    if (q.keysOnly() && !what.equals("keys()") && !what.equals("count()")) {
      throw new BadRequestException("this GQL selects keys only; use keys(): " + gql);
    }
    Query.Builder b = q.toBuilder();
    if (start != null) {
      b.startCursor(start);
    }
    if (end != null) {
      b.endCursor(end);
    }
    return b.build();
  }

  private Query compile(Session s, String what) {
    GqlCompiler compiler = s.compiler();
    if (compiler == null) {
      throw new BadRequestException(what + " of a GQL query needs the engine's GQL compiler:"
          + " make the datastore the default with Megalite.makeDefault(datastore) or"
          + " Models.use(datastore, Megalite.gqlCompiler())");
    }
    return compiler.compile(dialect, gql, named, positional, s.project());
  }

  @Override
  public String toString() {
    return "GqlQuery<" + mapping.type().getSimpleName() + ">(" + gql + ")";
  }
}
