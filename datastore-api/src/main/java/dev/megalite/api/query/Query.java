package dev.megalite.api.query;

import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable query: a kind (or none, for a kindless query), an optional ancestor, a filter, sort
 * orders, keys-only or a projection, distinct-on, limit, offset and cursors.
 */
public final class Query {
  private final String namespace;
  private final String kind;
  private final Key ancestor;
  private final Filter filter;
  private final List<SortOrder> orders;
  private final boolean keysOnly;
  private final List<String> projection;
  private final List<String> distinctOn;
  private final int limit;
  private final int offset;
  private final Cursor startCursor;
  private final Cursor endCursor;

  private Query(Builder b) {
    this.namespace = b.namespace;
    this.kind = b.kind;
    this.ancestor = b.ancestor;
    this.filter = b.filter;
    this.orders = List.copyOf(b.orders);
    this.keysOnly = b.keysOnly;
    this.projection = List.copyOf(b.projection);
    this.distinctOn = List.copyOf(b.distinctOn);
    this.limit = b.limit;
    this.offset = b.offset;
    this.startCursor = b.startCursor;
    this.endCursor = b.endCursor;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** A query over entities of {@code kind}. */
  public static Builder newBuilder(String kind) {
    return new Builder().kind(kind);
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.namespace = namespace;
    b.kind = kind;
    b.ancestor = ancestor;
    b.filter = filter;
    b.orders.addAll(orders);
    b.keysOnly = keysOnly;
    b.projection.addAll(projection);
    b.distinctOn.addAll(distinctOn);
    b.limit = limit;
    b.offset = offset;
    b.startCursor = startCursor;
    b.endCursor = endCursor;
    return b;
  }

  /** The namespace, or null for "the namespace of the ancestor, else the default". */
  public String namespace() {
    return namespace;
  }

  /** The kind, or null for a kindless query. */
  public String kind() {
    return kind;
  }

  public Key ancestor() {
    return ancestor;
  }

  /** The filter, or null. */
  public Filter filter() {
    return filter;
  }

  public List<SortOrder> orders() {
    return orders;
  }

  public boolean keysOnly() {
    return keysOnly;
  }

  /** The projected properties; empty unless this is a projection query. */
  public List<String> projection() {
    return projection;
  }

  public List<String> distinctOn() {
    return distinctOn;
  }

  /** The limit, or -1 for none. */
  public int limit() {
    return limit;
  }

  public int offset() {
    return offset;
  }

  public Cursor startCursor() {
    return startCursor;
  }

  public Cursor endCursor() {
    return endCursor;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Query q
        && Objects.equals(namespace, q.namespace)
        && Objects.equals(kind, q.kind)
        && Objects.equals(ancestor, q.ancestor)
        && Objects.equals(filter, q.filter)
        && orders.equals(q.orders)
        && keysOnly == q.keysOnly
        && projection.equals(q.projection)
        && distinctOn.equals(q.distinctOn)
        && limit == q.limit
        && offset == q.offset
        && Objects.equals(startCursor, q.startCursor)
        && Objects.equals(endCursor, q.endCursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, kind, ancestor, filter, orders, projection, limit, offset);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SELECT ");
    if (keysOnly) {
      sb.append("__key__");
    } else if (projection.isEmpty()) {
      sb.append('*');
    } else {
      if (!distinctOn.isEmpty()) {
        sb.append("DISTINCT ON ").append(distinctOn).append(' ');
      }
      sb.append(String.join(", ", projection));
    }
    if (kind != null) {
      sb.append(" FROM ").append(kind);
    }
    List<String> conds = new ArrayList<>();
    if (ancestor != null) {
      conds.add("__key__ HAS ANCESTOR " + ancestor);
    }
    if (filter != null) {
      conds.add(filter.toString());
    }
    if (!conds.isEmpty()) {
      sb.append(" WHERE ").append(String.join(" AND ", conds));
    }
    if (!orders.isEmpty()) {
      sb.append(" ORDER BY ").append(orders.stream().map(Object::toString).toList());
    }
    if (limit >= 0) {
      sb.append(" LIMIT ").append(limit);
    }
    if (offset > 0) {
      sb.append(" OFFSET ").append(offset);
    }
    return sb.toString();
  }

  /** Builds a {@link Query}; {@link #build()} checks that the parts fit together. */
  public static final class Builder {
    private String namespace;
    private String kind;
    private Key ancestor;
    private Filter filter;
    private final List<SortOrder> orders = new ArrayList<>();
    private boolean keysOnly;
    private final List<String> projection = new ArrayList<>();
    private final List<String> distinctOn = new ArrayList<>();
    private int limit = -1;
    private int offset;
    private Cursor startCursor;
    private Cursor endCursor;

    private Builder() {}

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** The kind; null makes the query kindless. */
    public Builder kind(String kind) {
      if (kind != null && (kind.isEmpty() || PathElement.isReserved(kind))) {
        throw new BadRequestException("query kind '" + kind + "' is empty or reserved");
      }
      this.kind = kind;
      return this;
    }

    public Builder ancestor(Key ancestor) {
      this.ancestor = ancestor;
      return this;
    }

    /** Sets the filter (replacing any earlier one). */
    public Builder filter(Filter filter) {
      this.filter = filter;
      return this;
    }

    public Builder orderBy(SortOrder... more) {
      orders.addAll(List.of(more));
      return this;
    }

    public Builder clearOrders() {
      orders.clear();
      return this;
    }

    public Builder keysOnly() {
      return keysOnly(true);
    }

    public Builder keysOnly(boolean keysOnly) {
      this.keysOnly = keysOnly;
      return this;
    }

    public Builder projection(String... properties) {
      projection.clear();
      projection.addAll(List.of(properties));
      return this;
    }

    public Builder distinctOn(String... properties) {
      distinctOn.clear();
      distinctOn.addAll(List.of(properties));
      return this;
    }

    /** At most {@code limit} results; -1 for none. */
    public Builder limit(int limit) {
      if (limit < -1) {
        throw new BadRequestException("query limit " + limit + " is negative");
      }
      this.limit = limit;
      return this;
    }

    public Builder offset(int offset) {
      if (offset < 0) {
        throw new BadRequestException("query offset " + offset + " is negative");
      }
      this.offset = offset;
      return this;
    }

    public Builder startCursor(Cursor cursor) {
      this.startCursor = cursor;
      return this;
    }

    public Builder endCursor(Cursor cursor) {
      this.endCursor = cursor;
      return this;
    }

    public Query build() {
      if (keysOnly && !projection.isEmpty()) {
        throw new BadRequestException("projection and keys_only cannot both be set");
      }
      Set<String> seen = new HashSet<>();
      for (String p : projection) {
        if (p.equals(Filter.KEY_PROPERTY)) {
          throw new BadRequestException("cannot project __key__; use a keys-only query");
        }
        if (PathElement.isReserved(p)) {
          throw new BadRequestException("cannot project reserved property '" + p + "'");
        }
        if (!seen.add(p)) {
          throw new BadRequestException("cannot project a property multiple times: '" + p + "'");
        }
      }
      Set<String> distinct = new HashSet<>();
      for (String d : distinctOn) {
        if (!distinct.add(d)) {
          throw new BadRequestException("distinct on '" + d + "' is given twice");
        }
        if (!projection.isEmpty() && !seen.contains(d)) {
          throw new BadRequestException(
              "distinct on '" + d + "' must be one of the projected properties " + projection);
        }
      }
      if (namespace != null && ancestor != null && !namespace.equals(ancestor.namespace())) {
        throw new BadRequestException(
            "ancestor "
                + ancestor
                + " is in namespace '"
                + ancestor.namespace()
                + "' but the query is in namespace '"
                + namespace
                + "'");
      }
      return new Query(this);
    }
  }
}
