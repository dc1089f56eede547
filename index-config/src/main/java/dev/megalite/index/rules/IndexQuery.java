package dev.megalite.index.rules;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of one query as far as indexes care: no values, no limits, no cursors. The engine
 * makes one per conjunctive branch of a query (an {@code IN} or {@code OR} with several values is
 * several branches, each with equalities).
 *
 * <ul>
 *   <li>{@code kind}: null for a kindless query.
 *   <li>{@code ancestor}: whether the query is restricted to an ancestor's descendants.
 *   <li>{@code equalities}: properties with an {@code =} filter (or {@code IN} with one value);
 *       may include {@code __key__}.
 *   <li>{@code inequality}: the one property other than {@code __key__} with range filters
 *       ({@code <, <=, >, >=, !=, NOT IN}), or null; {@code keyRange}: whether {@code __key__} has
 *       range filters.
 *   <li>{@code orders}: the sort orders as the query states them.
 *   <li>{@code projection} and {@code distinctOn} (App Engine's group-by): projected properties.
 * </ul>
 */
public final class IndexQuery {
  static final String KEY = Filter.KEY_PROPERTY;

  private final String kind;
  private final boolean ancestor;
  private final Set<String> equalities;
  private final String inequality;
  private final boolean keyRange;
  private final List<SortOrder> orders;
  private final List<String> projection;
  private final List<String> distinctOn;

  private IndexQuery(Builder b) {
    this.kind = b.kind;
    this.ancestor = b.ancestor;
    this.equalities = Set.copyOf(b.equalities);
    this.inequality = b.inequality;
    this.keyRange = b.keyRange;
    this.orders = List.copyOf(b.orders);
    this.projection = List.copyOf(b.projection);
    this.distinctOn = List.copyOf(b.distinctOn);
  }

  /** A query on {@code kind}; null makes a kindless query. */
  public static Builder newBuilder(String kind) {
    return new Builder(kind);
  }

  public Builder toBuilder() {
    Builder b = new Builder(kind).ancestor(ancestor).keyRange(keyRange);
    b.equalities.addAll(equalities);
    b.inequality = inequality;
    b.orders.addAll(orders);
    b.projection.addAll(projection);
    b.distinctOn.addAll(distinctOn);
    return b;
  }

  public String kind() {
    return kind;
  }

  public boolean ancestor() {
    return ancestor;
  }

  public Set<String> equalities() {
    return equalities;
  }

  /** The property other than {@code __key__} with range filters, or null. */
  public String inequality() {
    return inequality;
  }

  public boolean keyRange() {
    return keyRange;
  }

  public List<SortOrder> orders() {
    return orders;
  }

  public List<String> projection() {
    return projection;
  }

  public List<String> distinctOn() {
    return distinctOn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexQuery q
        && Objects.equals(kind, q.kind)
        && ancestor == q.ancestor
        && equalities.equals(q.equalities)
        && Objects.equals(inequality, q.inequality)
        && keyRange == q.keyRange
        && orders.equals(q.orders)
        && projection.equals(q.projection)
        && distinctOn.equals(q.distinctOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind, ancestor, equalities, inequality, keyRange, orders, projection, distinctOn);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(kind == null ? "(kindless)" : kind);
    if (ancestor) {
      out.append(" ancestor");
    }
    if (!equalities.isEmpty()) {
      out.append(" eq").append(new TreeSet<>(equalities));
    }
    if (inequality != null) {
      out.append(" range[").append(inequality).append(']');
    }
    if (keyRange) {
      out.append(" range[__key__]");
    }
    if (!orders.isEmpty()) {
      out.append(" order").append(orders);
    }
    if (!projection.isEmpty()) {
      out.append(" project").append(projection);
    }
    if (!distinctOn.isEmpty()) {
      out.append(" distinct").append(distinctOn);
    }
    return out.toString();
  }

  /** Builds an {@link IndexQuery}. Not thread-safe. */
  public static final class Builder {
    private final String kind;
    private boolean ancestor;
    private final Set<String> equalities = new LinkedHashSet<>();
    private String inequality;
    private boolean keyRange;
    private final List<SortOrder> orders = new ArrayList<>();
    private final List<String> projection = new ArrayList<>();
    private final List<String> distinctOn = new ArrayList<>();

    private Builder(String kind) {
      if (kind != null && kind.isEmpty()) {
        throw new BadRequestException("kind is empty; use null for a kindless query");
      }
      this.kind = kind;
    }

    public Builder ancestor(boolean ancestor) {
      this.ancestor = ancestor;
      return this;
    }

    /** An {@code =} filter (or {@code IN} with one value) on {@code property}. */
    public Builder equality(String property) {
      equalities.add(checkName(property));
      return this;
    }

    /**
     * Range filters on {@code property}. A query has range filters on at most one property
     * besides {@code __key__}; {@code __key__} itself is the same as {@link #keyRange}.
     */
    public Builder inequality(String property) {
      checkName(property);
      if (property.equals(KEY)) {
        return keyRange(true);
      }
      if (inequality != null && !inequality.equals(property)) {
        throw new BadRequestException(
            "Only one inequality filter per query is supported. Encountered both "
                + inequality
                + " and "
                + property);
      }
      inequality = property;
      return this;
    }

    public Builder keyRange(boolean keyRange) {
      this.keyRange = keyRange;
      return this;
    }

    /**
     * A filter as the query states it: {@code =} and an {@code IN} with one value are
     * equalities; {@code <, <=, >, >=, !=} and {@code NOT IN} are ranges.
     *
     * @param values how many values an {@code IN} lists
     * @throws IllegalArgumentException for an {@code IN} with several values, which is a
     *     disjunction: give each branch its own shape
     */
    public Builder filter(String property, Operator op, int values) {
      switch (op) {
        case EQUAL -> {
          return equality(property);
        }
        case IN -> {
          if (values != 1) {
            throw new IllegalArgumentException(
                "IN with " + values + " values on '" + property + "' is a disjunction: make one"
                    + " shape per value");
          }
          return equality(property);
        }
        default -> {
          return inequality(property);
        }
      }
    }

    public Builder order(SortOrder order) {
      if (order == null) {
        throw new BadRequestException("sort order is null");
      }
      orders.add(order);
      return this;
    }

    public Builder orders(List<SortOrder> orders) {
      orders.forEach(this::order);
      return this;
    }

    public Builder projection(String... properties) {
      return projection(List.of(properties));
    }

    public Builder projection(List<String> properties) {
      properties.forEach(p -> projection.add(checkName(p)));
      return this;
    }

    public Builder distinctOn(String... properties) {
      return distinctOn(List.of(properties));
    }

    public Builder distinctOn(List<String> properties) {
      properties.forEach(p -> distinctOn.add(checkName(p)));
      return this;
    }

    /**
     * @throws BadRequestException when the query has an inequality and its first sort order is
     *     on another property (App Engine's rule, in App Engine's words)
     */
    public IndexQuery build() {
      if (inequality != null && !orders.isEmpty()
          && !orders.get(0).property().equals(inequality)) {
        throw new BadRequestException(
            "The first sort property must be the same as the property to which the inequality"
                + " filter is applied. In your query the first sort property is "
                + orders.get(0).property()
                + " but the inequality filter is on "
                + inequality);
      }
      return new IndexQuery(this);
    }

    private static String checkName(String property) {
      if (property == null) {
        throw new BadRequestException("property name is null");
      }
      if (!property.equals(KEY)) {
        Entity.validatePropertyName(property);
      }
      return property;
    }
  }
}
