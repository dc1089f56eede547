package dev.megalite.engine.query;

import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.testing.ReferenceOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query semantics of DESIGN.md ("Queries") applied entity by entity to a plain collection, with
 * no index, plan or codec: the model {@link RandomQueryModelTest} checks the engine against. Values
 * are compared only through {@link ReferenceOrder}.
 *
 * <ul>
 *   <li>A filter, sort or projection on a property sees only its indexed values (dotted names reach
 *       into indexed embedded entities); without any, the entity does not match. Null is a value.
 *   <li>An equality matches if any value equals. All other comparisons on one property ({@code <,
 *       <=, >, >=, !=, NOT IN}) must hold for one single value.
 *   <li>A sort on a property uses, per entity, the smallest (ascending) or largest (descending) of
 *       the values that satisfy that property's comparisons; without comparisons, of the values
 *       that satisfy its equalities; without either, of all its values. Ties go by key.
 *   <li>Without sort orders, the inequality property (else the projected property) sorts
 *       ascending; else results come in key order. As in App Engine's query normalisation, orders
 *       after {@code __key__} are dropped, and all orders are dropped for a conjunction whose
 *       {@code __key__} filters admit one key (so they do not require the property there).
 *   <li>IN and OR are unions: an entity appears once, at its first place in the query's order.
 *   <li>A projection gives one result per distinct value of the property (per entity) that
 *       satisfies the property's comparisons; distinct keeps the first result per value.
 * </ul>
 */
final class NaiveEvaluator {

  /** One result: the key, the stored entity, and for a projection the projected value. */
  record Result(Key key, Entity entity, Value projected) {}

  private NaiveEvaluator() {}

  /** The results of {@code q} (with its offset and limit, without cursors) over {@code stored}. */
  static List<Result> run(Query q, Collection<Entity> stored, String project) {
    String namespace = q.namespace() != null
        ? q.namespace()
        : q.ancestor() != null ? q.ancestor().namespace() : "";
    List<List<PropertyFilter>> branches =
        q.filter() == null ? List.of(List.of()) : dnf(q.filter());
    List<SortOrder> orders = orders(q, branches);
    String projected = q.projection().isEmpty() ? null : q.projection().get(0);

    List<Candidate> candidates = new ArrayList<>();
    for (Entity e : stored) {
      Key key = e.completeKey();
      if (!key.project().equals(project)
          || !key.namespace().equals(namespace)
          || (q.kind() != null && !q.kind().equals(key.kind()))
          || (q.ancestor() != null && !q.ancestor().isAncestorOf(key))) {
        continue;
      }
      if (projected == null) {
        Candidate best = null;
        for (List<PropertyFilter> branch : branches) {
          if (matches(e, key, branch, sorted(branch, orders))) {
            Candidate c = new Candidate(key, e, null, sortKeys(e, key, branch, orders, null));
            if (best == null || compare(c, best, orders) < 0) {
              best = c;
            }
          }
        }
        if (best != null) {
          candidates.add(best);
        }
      } else {
        candidates.addAll(projections(e, key, branches, orders, projected));
      }
    }
    candidates.sort((a, b) -> compare(a, b, orders));
    if (!q.distinctOn().isEmpty()) {
      List<Candidate> distinct = new ArrayList<>();
      for (Candidate c : candidates) {
        if (distinct.stream()
            .noneMatch(d -> ReferenceOrder.compare(d.projected(), c.projected()) == 0)) {
          distinct.add(c);
        }
      }
      candidates = distinct;
    }
    List<Result> out = new ArrayList<>();
    int from = Math.min(q.offset(), candidates.size());
    int to = q.limit() < 0 ? candidates.size() : Math.min(candidates.size(), from + q.limit());
    for (Candidate c : candidates.subList(from, to)) {
      out.add(new Result(c.key(), c.entity(), c.projected()));
    }
    return out;
  }

  /**
   * The indexed values of {@code property} in {@code e}, in order, each once (the first of values
   * that compare equal): list elements one by one, embedded entities through dotted names.
   */
  static List<Value> indexedValues(Entity e, String property) {
    List<Value> all = new ArrayList<>();
    collect(e, property, all);
    List<Value> out = new ArrayList<>(all.size());
    for (Value v : all) {
      if (out.stream().noneMatch(x -> ReferenceOrder.compare(x, v) == 0)) {
        out.add(v);
      }
    }
    return out;
  }

  private static void collect(Entity e, String property, List<Value> out) {
    for (Value x : elements(e.get(property))) {
      if (x.indexed() && !(x instanceof EntityValue)) {
        out.add(x);
      }
    }
    for (int dot = property.indexOf('.'); dot > 0; dot = property.indexOf('.', dot + 1)) {
      for (Value x : elements(e.get(property.substring(0, dot)))) {
        if (x.indexed() && x instanceof EntityValue ev) {
          collect(ev.value(), property.substring(dot + 1), out);
        }
      }
    }
  }

  private static List<Value> elements(Value v) {
    if (v == null) {
      return List.of();
    }
    return v instanceof ListValue l ? l.values() : List.of(v);
  }

  /** A result before ordering: for a projection, one per (entity, value). */
  private record Candidate(Key key, Entity entity, Value projected, List<Value> sortKeys) {}

  private static int compare(Candidate a, Candidate b, List<SortOrder> orders) {
    for (int i = 0; i < orders.size(); i++) {
      int c = ReferenceOrder.compare(a.sortKeys().get(i), b.sortKeys().get(i));
      if (c != 0) {
        return orders.get(i).descending() ? -c : c;
      }
    }
    return ReferenceOrder.keys(a.key(), b.key());
  }

  /** The filter as a disjunction of conjunctions; IN is an OR of equalities. */
  private static List<List<PropertyFilter>> dnf(Filter f) {
    if (f instanceof PropertyFilter pf) {
      if (pf.op() != Operator.IN) {
        return List.of(List.of(pf));
      }
      List<List<PropertyFilter>> out = new ArrayList<>();
      for (Value v : ((ListValue) pf.value()).values()) {
        out.add(List.of(PropertyFilter.of(pf.property(), Operator.EQUAL, v)));
      }
      return out;
    }
    CompositeFilter cf = (CompositeFilter) f;
    List<List<PropertyFilter>> acc = cf.op() == CompositeFilter.Op.OR ? new ArrayList<>() : null;
    for (Filter child : cf.filters()) {
      List<List<PropertyFilter>> c = dnf(child);
      if (acc == null) {
        acc = c;
      } else if (cf.op() == CompositeFilter.Op.OR) {
        acc.addAll(c);
      } else {
        List<List<PropertyFilter>> next = new ArrayList<>();
        for (List<PropertyFilter> a : acc) {
          for (List<PropertyFilter> b : c) {
            List<PropertyFilter> both = new ArrayList<>(a);
            both.addAll(b);
            next.add(both);
          }
        }
        acc = next;
      }
    }
    return acc;
  }

  /** The orders results follow (before the key): requested, else implied. */
  private static List<SortOrder> orders(Query q, List<List<PropertyFilter>> branches) {
    List<SortOrder> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SortOrder o : q.orders()) {
      if (o.property().equals(Filter.KEY_PROPERTY)) {
        if (o.descending()) {
          out.add(o);
        }
        break;
      }
      if (seen.add(o.property())) {
        out.add(o);
      }
    }
    if (!q.orders().isEmpty()) {
      return out;
    }
    for (List<PropertyFilter> branch : branches) {
      for (PropertyFilter f : branch) {
        if (!f.isKeyFilter() && f.op() != Operator.EQUAL) {
          return List.of(SortOrder.asc(f.property()));
        }
      }
    }
    return q.projection().isEmpty() ? List.of() : List.of(SortOrder.asc(q.projection().get(0)));
  }

  /**
   * The sort orders whose properties a branch's entities must have: none when its key filters
   * admit a single key, since App Engine then drops every order (at most one result).
   */
  private static List<SortOrder> sorted(List<PropertyFilter> branch, List<SortOrder> orders) {
    Key lower = null;
    Key upper = null;
    for (PropertyFilter f : branch) {
      if (!f.isKeyFilter()) {
        continue;
      }
      Key k = f.value() instanceof KeyValue kv ? kv.value() : null;
      if (f.op() == Operator.EQUAL) {
        return List.of();
      } else if (f.op() == Operator.GREATER_THAN_OR_EQUAL
          && (lower == null || ReferenceOrder.keys(k, lower) > 0)) {
        lower = k;
      } else if (f.op() == Operator.LESS_THAN_OR_EQUAL
          && (upper == null || ReferenceOrder.keys(k, upper) < 0)) {
        upper = k;
      }
    }
    return lower != null && lower.equals(upper) ? List.of() : orders;
  }

  private static boolean matches(
      Entity e, Key key, List<PropertyFilter> branch, List<SortOrder> orders) {
    Map<String, List<PropertyFilter>> byProperty = new LinkedHashMap<>();
    for (PropertyFilter f : branch) {
      if (f.isKeyFilter()) {
        if (!keyMatches(key, f)) {
          return false;
        }
      } else {
        byProperty.computeIfAbsent(f.property(), p -> new ArrayList<>()).add(f);
      }
    }
    for (SortOrder o : orders) {
      if (!o.property().equals(Filter.KEY_PROPERTY)) {
        byProperty.computeIfAbsent(o.property(), p -> new ArrayList<>());
      }
    }
    for (Map.Entry<String, List<PropertyFilter>> p : byProperty.entrySet()) {
      List<Value> values = indexedValues(e, p.getKey());
      if (values.isEmpty()) {
        return false;
      }
      for (PropertyFilter f : p.getValue()) {
        if (f.op() == Operator.EQUAL
            && values.stream().noneMatch(v -> ReferenceOrder.compare(v, f.value()) == 0)) {
          return false;
        }
      }
      List<PropertyFilter> comparisons = comparisons(p.getValue());
      if (!comparisons.isEmpty()
          && values.stream().noneMatch(v -> satisfiesAll(v, comparisons))) {
        return false;
      }
    }
    return true;
  }

  private static boolean keyMatches(Key key, PropertyFilter f) {
    if (f.op() == Operator.NOT_IN) {
      return ((ListValue) f.value()).values().stream()
          .noneMatch(v -> ReferenceOrder.keys(key, ((KeyValue) v).value()) == 0);
    }
    return holds(ReferenceOrder.keys(key, ((KeyValue) f.value()).value()), f.op());
  }

  /** The filters on one property that a single value must satisfy together: all but equality. */
  private static List<PropertyFilter> comparisons(List<PropertyFilter> filters) {
    return filters.stream().filter(f -> f.op() != Operator.EQUAL).toList();
  }

  private static boolean satisfiesAll(Value v, List<PropertyFilter> comparisons) {
    for (PropertyFilter f : comparisons) {
      boolean ok = f.op() == Operator.NOT_IN
          ? ((ListValue) f.value()).values().stream()
              .noneMatch(x -> ReferenceOrder.compare(v, x) == 0)
          : holds(ReferenceOrder.compare(v, f.value()), f.op());
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value op operand} holds, given {@code c = compare(value, operand)}. */
  private static boolean holds(int c, Operator op) {
    return switch (op) {
      case EQUAL -> c == 0;
      case NOT_EQUAL -> c != 0;
      case LESS_THAN -> c < 0;
      case LESS_THAN_OR_EQUAL -> c <= 0;
      case GREATER_THAN -> c > 0;
      case GREATER_THAN_OR_EQUAL -> c >= 0;
      default -> throw new IllegalArgumentException("not a comparison: " + op);
    };
  }

  /** The values of {@code property} a sort (or projection) of this branch considers. */
  private static List<Value> consideredValues(
      Entity e, String property, List<PropertyFilter> branch) {
    List<PropertyFilter> mine =
        branch.stream().filter(f -> f.property().equals(property)).toList();
    List<PropertyFilter> comparisons = comparisons(mine);
    List<Value> values = indexedValues(e, property);
    if (!comparisons.isEmpty()) {
      return values.stream().filter(v -> satisfiesAll(v, comparisons)).toList();
    }
    if (!mine.isEmpty()) {
      return values.stream()
          .filter(v -> mine.stream().anyMatch(f -> ReferenceOrder.compare(v, f.value()) == 0))
          .toList();
    }
    return values;
  }

  private static List<Value> sortKeys(
      Entity e, Key key, List<PropertyFilter> branch, List<SortOrder> orders, Value projected) {
    List<Value> keys = new ArrayList<>(orders.size());
    for (SortOrder o : orders) {
      if (o.property().equals(Filter.KEY_PROPERTY)) {
        keys.add(Value.of(key));
      } else if (projected != null) {
        keys.add(projected);
      } else {
        Comparator<Value> c = ReferenceOrder.VALUES;
        // Only an entity found by key equality may lack the property; it is the only result.
        List<Value> considered = consideredValues(e, o.property(), branch);
        keys.add(o.descending()
            ? considered.stream().max(c).orElse(Value.ofNull())
            : considered.stream().min(c).orElse(Value.ofNull()));
      }
    }
    return keys;
  }

  /** One candidate per distinct value of {@code property} some matching branch selects. */
  private static List<Candidate> projections(
      Entity e,
      Key key,
      List<List<PropertyFilter>> branches,
      List<SortOrder> orders,
      String property) {
    List<Value> selected = new ArrayList<>();
    for (List<PropertyFilter> branch : branches) {
      List<SortOrder> exists = new ArrayList<>(sorted(branch, orders));
      exists.add(SortOrder.asc(property));
      if (!matches(e, key, branch, exists)) {
        continue;
      }
      for (Value v : consideredValues(e, property, branch)) {
        if (selected.stream().noneMatch(x -> ReferenceOrder.compare(x, v) == 0)) {
          selected.add(v);
        }
      }
    }
    List<Candidate> out = new ArrayList<>(selected.size());
    for (Value v : selected) {
      Entity projected = Entity.newBuilder(key).set(property, v).build();
      out.add(new Candidate(key, projected, v, sortKeys(e, key, List.of(), orders, v)));
    }
    return out;
  }
}
