package dev.megalite.engine.query;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.codec.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses how each branch of a query is read from the built-in indexes, following App Engine's
 * rules for what they can serve: kind and kindless scans, equality-only queries (with or without
 * ancestor) by merge join, and queries with a single property component (one filter or one sort,
 * no ancestor). Anything else needs a composite index and fails with the minimal one.
 */
public final class Planner {
  private Planner() {}

  /** Plans {@code query} for {@code project} with the built-in indexes only. */
  public static QueryPlan plan(Query query, String project) {
    return plan(query, project, IndexSupport.NONE);
  }

  /** Plans {@code query} for {@code project}, with composite indexes from {@code indexes}. */
  public static QueryPlan plan(Query query, String project, IndexSupport indexes) {
    NormalizedQuery nq = Normalizer.normalize(query, project);
    List<Plan> plans = new ArrayList<>();
    List<byte[]> prefixes = new ArrayList<>();
    for (Branch b : nq.branches()) {
      Plan p = planBranch(nq, b, indexes);
      plans.add(p);
      prefixes.add(constantPrefix(nq, b, p, nq.branches().size() > 1));
    }
    return new QueryPlan(nq, plans, prefixes);
  }

  private static Plan planBranch(NormalizedQuery nq, Branch b, IndexSupport indexes) {
    if (nq.kind() == null) {
      return new Plan.KindScan(null, nq.ancestor(), b.keys());
    }
    Set<String> eqProps = new TreeSet<>();
    for (EqFilter e : b.equalities()) {
      if (!e.property().equals(b.rangeProperty())) {
        eqProps.add(e.property());
      }
    }
    List<SortOrder> orders = branchOrders(nq, b, eqProps);
    Set<String> orderProps = new LinkedHashSet<>();
    orders.forEach(o -> orderProps.add(o.property()));
    List<String> exists = new ArrayList<>();
    for (String p : nq.projection()) {
      if (!eqProps.contains(p) && !p.equals(b.rangeProperty()) && !orderProps.contains(p)) {
        exists.add(p);
      }
    }
    boolean keyDesc = orders.stream()
        .anyMatch(o -> o.property().equals(Filter.KEY_PROPERTY) && o.descending());
    boolean keyFiltersCount = !b.keys().isAll() && (b.rangeProperty() != null || keyDesc);

    if (b.rangeProperty() == null && orders.isEmpty() && exists.isEmpty()) {
      if (eqProps.isEmpty()) {
        return new Plan.KindScan(nq.kind(), nq.ancestor(), b.keys());
      }
      List<EqFilter> eqs = new ArrayList<>(b.equalities());
      eqs.sort(Normalizer.EQ_ORDER);
      return new Plan.MergeJoin(nq.kind(), nq.ancestor(), List.copyOf(eqs), b.keys());
    }
    if (nq.ancestor() == null && eqProps.isEmpty() && !keyFiltersCount) {
      Set<String> props = new LinkedHashSet<>();
      if (b.rangeProperty() != null) {
        props.add(b.rangeProperty());
      }
      props.addAll(orderProps);
      props.addAll(exists);
      String p = props.iterator().next();
      if (props.size() == 1 && !p.equals(Filter.KEY_PROPERTY)) {
        boolean desc = !orders.isEmpty() && orders.get(0).descending();
        ValueRange range = p.equals(b.rangeProperty()) ? b.range() : ValueRange.ALL;
        return new Plan.PropertyScan(nq.kind(), p, range, desc, b.keys(), b.equalities());
      }
    }
    Plan composite = CompositePlanner.plan(nq, b, eqProps, indexes);
    if (composite != null) {
      return composite;
    }
    throw needIndex(nq, b, eqProps, orders, exists);
  }

  /**
   * The query's orders that this branch does not fix: orders on its equalities drop out, and all
   * orders when it pins one key (one result at most; a projection still has one per value).
   */
  private static List<SortOrder> branchOrders(NormalizedQuery nq, Branch b, Set<String> eqProps) {
    KeyRange k = b.keys();
    if (nq.projection().isEmpty() && k.lower() != null && k.upper() != null
        && k.lowerInclusive() && k.upperInclusive() && Arrays.equals(k.lower(), k.upper())) {
      return List.of();
    }
    List<SortOrder> out = new ArrayList<>();
    for (SortOrder o : nq.orders()) {
      if (!eqProps.contains(o.property())) {
        out.add(o);
      }
    }
    return out;
  }

  private static NeedIndexException needIndex(
      NormalizedQuery nq, Branch b, Set<String> eqProps, List<SortOrder> orders, List<String> exists) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("- kind: ").append(nq.kind()).append('\n');
    if (nq.ancestor() != null) {
      yaml.append("  ancestor: yes\n");
    }
    yaml.append("  properties:\n");
    Set<String> written = new LinkedHashSet<>();
    for (String p : eqProps) {
      property(yaml, p, false);
      written.add(p);
    }
    for (SortOrder o : orders) {
      if (written.add(o.property())) {
        property(yaml, o.property(), o.descending());
      }
    }
    if (b.rangeProperty() != null && written.add(b.rangeProperty())) {
      property(yaml, b.rangeProperty(), false);
    }
    exists.stream().sorted().filter(written::add).forEach(p -> property(yaml, p, false));
    String reason;
    if (nq.ancestor() != null) {
      reason = "an ancestor query with an inequality, sort or projection";
    } else if (!eqProps.isEmpty()) {
      reason = "equality filters combined with a sort, inequality or projection on another property";
    } else {
      reason = "more than one property is filtered, sorted or projected";
    }
    return new NeedIndexException(reason, yaml.toString());
  }

  private static void property(StringBuilder yaml, String name, boolean desc) {
    yaml.append("  - name: ").append(name).append('\n');
    if (desc) {
      yaml.append("    direction: desc\n");
    }
  }

  /**
   * The encoded sort values this branch fixes through equalities, in query order, up to the first
   * order it scans. Branch positions are this prefix followed by the scan's own position, which
   * makes positions of all branches comparable.
   */
  private static byte[] constantPrefix(NormalizedQuery nq, Branch b, Plan plan, boolean union) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SortOrder o : nq.orders()) {
      List<byte[]> values = b.equalityValues(o.property());
      if (!values.isEmpty() && !o.property().equals(b.rangeProperty())) {
        byte[] v = values.get(0);
        for (byte[] x : values) {
          int c = Bytes.compare(x, v);
          if (o.descending() ? c > 0 : c < 0) {
            v = x;
          }
        }
        out.writeBytes(o.descending() ? Bytes.invert(v) : v);
        continue;
      }
      if (plan instanceof Plan.PropertyScan ps && ps.property().equals(o.property())) {
        break;
      }
      if (plan instanceof Plan.CompositeScan || plan instanceof Plan.CompositeMergeJoin) {
        break; // the composite position holds this order and the ones after it
      }
      if (union) {
        throw new BadRequestException(
            "the parts of this OR / IN query cannot be merged in the order " + nq.orders()
                + ": one part does not sort on " + o.property());
      }
      return new byte[0];
    }
    return out.toByteArray();
  }
}
