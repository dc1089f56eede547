package dev.megalite.engine.query;

import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.codec.RowKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a query against App Engine's rules and brings it into {@link NormalizedQuery} form.
 * IN and OR (and {@code !=} / NOT IN on {@code __key__}) become branches; {@code !=} and NOT IN on
 * a property become exclusions from that property's range, so they stay one index scan.
 */
final class Normalizer {
  /** The most branches a filter may expand into. */
  static final int MAX_BRANCHES = 100;

  private Normalizer() {}

  static NormalizedQuery normalize(Query q, String project) {
    Key ancestor = q.ancestor();
    String namespace =
        q.namespace() != null ? q.namespace() : ancestor != null ? ancestor.namespace() : "";
    if (ancestor != null && !ancestor.project().equals(project)) {
      throw new BadRequestException(
          "ancestor " + ancestor + " belongs to project '" + ancestor.project()
              + "', not to this datastore's project '" + project + "'");
    }
    String kind = q.kind();
    List<List<PropertyFilter>> dnf =
        q.filter() == null ? List.of(List.of()) : dnf(q.filter());
    if (kind == null) {
      checkKindless(q, dnf);
    }
    List<Branch> all = new ArrayList<>();
    for (List<PropertyFilter> conj : dnf) {
      all.add(branch(conj, project, namespace));
    }
    // The order follows from the filter as written, also from conjunctions that match nothing.
    List<SortOrder> orders = effectiveOrders(q.orders(), all);
    List<Branch> branches = all.stream().filter(b -> !b.matchesNothing()).toList();
    checkProjection(q, branches);
    return new NormalizedQuery(
        project,
        namespace,
        kind,
        ancestor,
        List.copyOf(branches),
        orders,
        q.projection(),
        q.distinctOn(),
        q.keysOnly(),
        q.limit(),
        q.offset(),
        q.startCursor(),
        q.endCursor(),
        fingerprint(q, namespace));
  }

  private static void checkKindless(Query q, List<List<PropertyFilter>> dnf) {
    for (List<PropertyFilter> conj : dnf) {
      for (PropertyFilter f : conj) {
        if (!f.isKeyFilter()) {
          throw new BadRequestException(
              "kind is required for non-__key__ filters (kindless query filters on '"
                  + f.property() + "')");
        }
      }
    }
    for (SortOrder o : q.orders()) {
      if (!o.property().equals(Filter.KEY_PROPERTY) || o.descending()) {
        throw new BadRequestException(
            "kind is required for all orders except __key__ ascending (kindless query orders by "
                + o + ")");
      }
    }
    if (!q.projection().isEmpty()) {
      throw new BadRequestException("kind is required for projection queries");
    }
  }

  /** The filter as a disjunction of conjunctions of property filters. */
  private static List<List<PropertyFilter>> dnf(Filter f) {
    if (f instanceof PropertyFilter pf) {
      return expand(pf);
    }
    CompositeFilter cf = (CompositeFilter) f;
    if (cf.op() == CompositeFilter.Op.OR) {
      List<List<PropertyFilter>> out = new ArrayList<>();
      for (Filter child : cf.filters()) {
        out.addAll(dnf(child));
        checkBranchCount(out.size());
      }
      return out;
    }
    List<List<PropertyFilter>> acc = List.of(List.of());
    for (Filter child : cf.filters()) {
      List<List<PropertyFilter>> next = new ArrayList<>();
      List<List<PropertyFilter>> c = dnf(child);
      checkBranchCount((long) acc.size() * c.size());
      for (List<PropertyFilter> a : acc) {
        for (List<PropertyFilter> b : c) {
          List<PropertyFilter> both = new ArrayList<>(a);
          both.addAll(b);
          next.add(both);
        }
      }
      acc = next;
    }
    return acc;
  }

  private static void checkBranchCount(long n) {
    if (n > MAX_BRANCHES) {
      throw new BadRequestException(
          "the filter expands into " + n + " disjunctions (from IN, OR and != on __key__); the"
              + " limit is " + MAX_BRANCHES);
    }
  }

  /** IN becomes one branch per value; on __key__, != and NOT IN become ranges around the keys. */
  private static List<List<PropertyFilter>> expand(PropertyFilter f) {
    Operator op = f.op();
    if (op == Operator.IN) {
      List<List<PropertyFilter>> out = new ArrayList<>();
      for (Value v : ((ListValue) f.value()).values()) {
        out.add(List.of(PropertyFilter.of(f.property(), Operator.EQUAL, v)));
      }
      return out;
    }
    if (f.isKeyFilter() && (op == Operator.NOT_EQUAL || op == Operator.NOT_IN)) {
      List<Value> keys =
          op == Operator.NOT_EQUAL ? List.of(f.value()) : ((ListValue) f.value()).values();
      List<Key> sorted =
          keys.stream().map(v -> ((KeyValue) v).value()).distinct().sorted().toList();
      List<List<PropertyFilter>> out = new ArrayList<>();
      String p = Filter.KEY_PROPERTY;
      for (int i = 0; i <= sorted.size(); i++) {
        List<PropertyFilter> conj = new ArrayList<>(2);
        if (i > 0) {
          conj.add(PropertyFilter.of(p, Operator.GREATER_THAN, Value.of(sorted.get(i - 1))));
        }
        if (i < sorted.size()) {
          conj.add(PropertyFilter.of(p, Operator.LESS_THAN, Value.of(sorted.get(i))));
        }
        out.add(conj);
      }
      return out;
    }
    return List.of(List.of(f));
  }

  /** One conjunction as a branch (possibly one that matches nothing). */
  private static Branch branch(List<PropertyFilter> conj, String project, String namespace) {
    List<EqFilter> eqs = new ArrayList<>();
    String rangeProp = null;
    ValueRange range = ValueRange.ALL;
    KeyRange keys = KeyRange.ALL;
    for (PropertyFilter f : conj) {
      if (f.isKeyFilter()) {
        Key k = ((KeyValue) f.value()).value();
        if (!k.project().equals(project) || !k.namespace().equals(namespace)) {
          throw new BadRequestException(
              "__key__ filter value " + k + " is not in the query's project and namespace ('"
                  + project + "', '" + namespace + "')");
        }
        byte[] path = RowKeys.path(k.path());
        keys = switch (f.op()) {
          case EQUAL -> keys.withLower(path, true).withUpper(path, true);
          case LESS_THAN -> keys.withUpper(path, false);
          case LESS_THAN_OR_EQUAL -> keys.withUpper(path, true);
          case GREATER_THAN -> keys.withLower(path, false);
          case GREATER_THAN_OR_EQUAL -> keys.withLower(path, true);
          default -> throw new IllegalStateException("expanded earlier: " + f.op());
        };
        continue;
      }
      if (f.op() == Operator.EQUAL) {
        byte[] enc = encode(f);
        boolean dup = eqs.stream().anyMatch(
            e -> e.property().equals(f.property()) && Arrays.equals(e.encoded(), enc));
        if (!dup) {
          eqs.add(new EqFilter(f.property(), f.value(), enc));
        }
        continue;
      }
      if (rangeProp != null && !rangeProp.equals(f.property())) {
        throw new BadRequestException(
            "Only one inequality filter per query is supported. Encountered both "
                + rangeProp + " and " + f.property());
      }
      rangeProp = f.property();
      range = switch (f.op()) {
        case LESS_THAN -> range.withUpper(encode(f), false);
        case LESS_THAN_OR_EQUAL -> range.withUpper(encode(f), true);
        case GREATER_THAN -> range.withLower(encode(f), false);
        case GREATER_THAN_OR_EQUAL -> range.withLower(encode(f), true);
        case NOT_EQUAL -> range.excluding(encode(f));
        case NOT_IN -> {
          ValueRange r = range;
          for (Value v : ((ListValue) f.value()).values()) {
            r = r.excluding(RowKeys.value(indexable(f.property(), v)));
          }
          yield r;
        }
        default -> throw new IllegalStateException("unexpected operator " + f.op());
      };
    }
    return new Branch(List.copyOf(eqs), rangeProp, range, keys);
  }

  private static byte[] encode(PropertyFilter f) {
    return RowKeys.value(indexable(f.property(), f.value()));
  }

  private static Value indexable(String property, Value v) {
    switch (v.type()) {
      case ENTITY:
        throw new BadRequestException(
            "filter on '" + property + "' compares with an embedded entity; filter on its"
                + " properties with dotted names instead");
      case LIST:
        throw new BadRequestException(
            "filter on '" + property + "': a list value is only allowed with IN and NOT IN");
      default:
        return v;
    }
  }

  private static List<SortOrder> effectiveOrders(List<SortOrder> requested, List<Branch> branches) {
    List<SortOrder> orders = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SortOrder o : requested) {
      if (!seen.add(o.property())) {
        continue;
      }
      orders.add(o);
      if (o.property().equals(Filter.KEY_PROPERTY)) {
        break;
      }
    }
    if (!orders.isEmpty()) {
      SortOrder last = orders.get(orders.size() - 1);
      if (last.property().equals(Filter.KEY_PROPERTY) && !last.descending()) {
        orders.remove(orders.size() - 1);
      }
    }
    String rangeProp = null;
    for (Branch b : branches) {
      if (b.rangeProperty() == null) {
        continue;
      }
      SortOrder first = firstUnfixedOrder(requested, b);
      if (first != null && !first.property().equals(b.rangeProperty())) {
        throw new BadRequestException(
            "The first sort property must be the same as the property to which the inequality"
                + " filter is applied. In your query the first sort property is "
                + first.property() + " but the inequality filter is on "
                + b.rangeProperty());
      }
      rangeProp = b.rangeProperty();
    }
    if (orders.isEmpty() && requested.isEmpty() && rangeProp != null) {
      orders.add(SortOrder.asc(rangeProp));
    }
    return List.copyOf(orders);
  }

  /** The first order not on a property the branch fixes by equality (App Engine drops those). */
  private static SortOrder firstUnfixedOrder(List<SortOrder> requested, Branch b) {
    for (SortOrder o : requested) {
      if (!b.hasEquality(o.property()) || o.property().equals(b.rangeProperty())) {
        return o;
      }
    }
    return null;
  }

  private static void checkProjection(Query q, List<Branch> branches) {
    for (String p : q.projection()) {
      for (Branch b : branches) {
        if (b.hasEquality(p) && !p.equals(b.rangeProperty())) {
          throw new BadRequestException(
              "cannot use projection on a property with an equality filter ('" + p + "')");
        }
      }
    }
    if (!q.distinctOn().isEmpty() && q.projection().isEmpty()) {
      throw new BadRequestException("distinct on needs a projection (name the properties)");
    }
  }

  /** A stable 64-bit hash of everything that defines the result sequence (not limits/cursors). */
  private static long fingerprint(Query q, String namespace) {
    Query shape = q.toBuilder().limit(-1).offset(0).startCursor(null).endCursor(null).build();
    String text = namespace + "\u0000" + shape + "\u0000" + shape.filter() + "\u0000"
        + shape.projection() + "\u0000" + shape.distinctOn();
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001b3L;
    }
    return h;
  }

  /** Orders branches' equality lists deterministically (for plans and explain). */
  static final Comparator<EqFilter> EQ_ORDER = Comparator.comparing(EqFilter::property);
}
