package dev.megalite.api.model;

import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.mapping.ClassMapping;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A fluent typed query, in Objectify's style:
 *
 * <pre>{@code
 * List<Employee> managers = Models.query(Employee.class)
 *     .filter("role", "manager")
 *     .filter("salary >", 100_000)
 *     .order("-salary")
 *     .limit(10)
 *     .fetch();
 * }</pre>
 *
 * Property names are field names or stored names, dotted into embedded classes ({@code
 * address.city}); values are converted as the field stores them. Immutable: every method returns
 * a new query.
 *
 * @param <T> the model class
 */
public final class ModelQuery<T> implements Iterable<T> {
  private final ClassMapping<T> mapping;
  private final Query query;
  private final List<Filter> filters;

  private ModelQuery(ClassMapping<T> mapping, Query query, List<Filter> filters) {
    this.mapping = mapping;
    this.query = query;
    this.filters = filters;
  }

  static <T> ModelQuery<T> of(Class<T> type) {
    ClassMapping<T> m = ClassMapping.of(type).requireEntity();
    return new ModelQuery<>(m, Query.newBuilder(m.kind()).build(), List.of());
  }

  /** Equality: {@code property = value} (for a collection field: any element equals). */
  public ModelQuery<T> filter(String property, Object value) {
    String[] parts = property.trim().split("\\s+", 2);
    Operator op = parts.length == 1 ? Operator.EQUAL : operator(parts[1], property);
    return filter(parts[0], op, value);
  }

  /** {@code property op value}; IN and NOT IN take a collection. */
  public ModelQuery<T> filter(String property, Operator op, Object value) {
    String name = mapping.storedName(property);
    Value v;
    if (op.takesList()) {
      if (!(value instanceof Collection<?> c)) {
        throw new BadRequestException("filter " + property + " " + op.symbol()
            + " needs a collection of values");
      }
      List<Value> values = new ArrayList<>(c.size());
      for (Object o : c) {
        values.add(convert(property, o));
      }
      v = new ListValue(values);
    } else {
      v = convert(property, value);
    }
    return filter(PropertyFilter.of(name, op, v));
  }

  private Value convert(String property, Object value) {
    if (property.equals(Filter.KEY_PROPERTY)) {
      if (value instanceof Ref<?> r) {
        return Value.of(r.key());
      }
      if (value instanceof Key k) {
        return Value.of(k);
      }
      throw new BadRequestException("a __key__ filter needs a Ref or a Key, not " + value);
    }
    return mapping.queryValue(property, value);
  }

  /** Adds a filter of the low-level API (ANDed with the others); names are stored names. */
  public ModelQuery<T> filter(Filter filter) {
    List<Filter> f = new ArrayList<>(filters);
    f.add(filter);
    return new ModelQuery<>(mapping, query, List.copyOf(f));
  }

  private static Operator operator(String symbol, String condition) {
    switch (symbol.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")) {
      case "=":
      case "==":
        return Operator.EQUAL;
      case "<":
        return Operator.LESS_THAN;
      case "<=":
        return Operator.LESS_THAN_OR_EQUAL;
      case ">":
        return Operator.GREATER_THAN;
      case ">=":
        return Operator.GREATER_THAN_OR_EQUAL;
      case "!=":
        return Operator.NOT_EQUAL;
      case "IN":
        return Operator.IN;
      case "NOT IN":
        return Operator.NOT_IN;
      default:
        throw new BadRequestException("filter '" + condition + "': unknown operator '" + symbol
            + "'; use =, <, <=, >, >=, !=, IN or NOT IN");
    }
  }

  /** Sorts by {@code property} ascending, or descending with a leading {@code -}. */
  public ModelQuery<T> order(String property) {
    boolean desc = property.startsWith("-");
    String name = mapping.storedName(desc ? property.substring(1) : property);
    return with(query.toBuilder().orderBy(desc ? SortOrder.desc(name) : SortOrder.asc(name)));
  }

  /** Only descendants of {@code ancestor} (and itself). */
  public ModelQuery<T> ancestor(Ref<?> ancestor) {
    return ancestor(ancestor.key());
  }

  /** Only descendants of {@code ancestor} (and itself). */
  public ModelQuery<T> ancestor(Key ancestor) {
    return with(query.toBuilder().ancestor(ancestor));
  }

  public ModelQuery<T> limit(int limit) {
    return with(query.toBuilder().limit(limit));
  }

  public ModelQuery<T> offset(int offset) {
    return with(query.toBuilder().offset(offset));
  }

  /** Resumes after {@code cursor}. */
  public ModelQuery<T> startAt(Cursor cursor) {
    return with(query.toBuilder().startCursor(cursor));
  }

  /** Stops at {@code cursor}. */
  public ModelQuery<T> endAt(Cursor cursor) {
    return with(query.toBuilder().endCursor(cursor));
  }

  private ModelQuery<T> with(Query.Builder b) {
    return new ModelQuery<>(mapping, b.build(), filters);
  }

  /** The low-level query this one runs. */
  public Query query() {
    if (filters.isEmpty()) {
      return query;
    }
    Filter f = filters.size() == 1 ? filters.get(0) : CompositeFilter.of(CompositeFilter.Op.AND,
        filters);
    return query.toBuilder().filter(f).build();
  }

  /** Every result (within the limit). */
  public List<T> fetch() {
    return Fetching.list(mapping, Models.session().run(query()), -1);
  }

  /** At most {@code limit} results. */
  public List<T> fetch(int limit) {
    Query q = query();
    return Fetching.list(mapping,
        Models.session().run(q.toBuilder().limit(Fetching.limit(q.limit(), limit)).build()), limit);
  }

  /** The first result, or null. */
  public T first() {
    List<T> one = fetch(1);
    return one.isEmpty() ? null : one.get(0);
  }

  /** The number of results, by a COUNT aggregation. */
  public long count() {
    return Fetching.count(Models.session(), query());
  }

  /** The typed keys of the results (a keys-only query). */
  public List<Ref<T>> keys() {
    return Fetching.keys(mapping, Models.session().run(query().toBuilder().keysOnly(true).build()),
        -1);
  }

  /** Up to {@code pageSize} results, the cursor after them, and whether more follow. */
  public Page<T> fetchPage(int pageSize) {
    if (pageSize <= 0) {
      throw new BadRequestException("page size " + pageSize + " is not positive");
    }
    Query q = query();
    return Fetching.page(mapping,
        Models.session().run(q.toBuilder().limit(Fetching.limit(q.limit(), pageSize + 1)).build()),
        pageSize);
  }

  /** Streams the results; close them unless you read them to the end. */
  public ModelResults<T> run() {
    return new ModelResults<>(mapping, Models.session().run(query()));
  }

  @Override
  public Iterator<T> iterator() {
    return run();
  }

  @Override
  public String toString() {
    return "ModelQuery<" + mapping.type().getSimpleName() + ">(" + query() + ")";
  }
}
