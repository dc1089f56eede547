package dev.megalite.engine.query;

import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.SortOrder;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.index.CompositeIndex;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexProperty;
import dev.megalite.index.rules.IndexQuery;
import dev.megalite.index.rules.IndexRules;
import dev.megalite.index.rules.IndexSelection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a branch the built-in indexes cannot serve on a composite index, using App Engine's rules
 * from index-config: an existing serving index if one fits, else (development mode) the minimal
 * index, added and built on the spot; with required indexes, a need-index error with its YAML.
 */
final class CompositePlanner {
  private CompositePlanner() {}

  /** The composite plan, or null when the rules say no composite index is needed. */
  static Plan plan(NormalizedQuery nq, Branch b, Set<String> eqProps, IndexSupport indexes) {
    IndexQuery.Builder q = IndexQuery.newBuilder(nq.kind()).ancestor(nq.ancestor() != null);
    eqProps.forEach(q::equality);
    if (b.rangeProperty() != null) {
      q.inequality(b.rangeProperty());
    }
    q.keyRange(!b.keys().isAll());
    for (SortOrder o : nq.orders()) {
      if (!eqProps.contains(o.property())) { // App Engine drops orders on equality properties
        q.order(o);
      }
    }
    q.projection(nq.projection()).distinctOn(nq.distinctOn());
    IndexQuery iq = q.build();
    List<IndexDefinition> serving = new ArrayList<>();
    indexes.catalog().maintained(nq.kind()).forEach(i -> serving.add(i.definition()));
    IndexSelection sel = IndexRules.select(iq, serving);
    if (!sel.need().required()) {
      return null;
    }
    if (sel.indexes().size() > 1) {
      Plan join = mergeJoin(nq, b, sel.indexes(), indexes);
      if (join != null) {
        return join;
      }
    }
    CompositeIndex chosen = null;
    if (sel.indexes().size() == 1) {
      chosen = indexes.catalog().byId(sel.indexes().get(0).id());
    }
    if (chosen == null) {
      // No existing index serves: in development mode the minimal index is added; otherwise
      // the query needs it.
      IndexDefinition minimal = sel.need().minimalIndex().orElseThrow();
      chosen = indexes.provide(minimal);
      if (chosen == null) {
        throw new NeedIndexException(
            sel.need().rule().reason(), sel.indexToAdd().orElse(minimal).toYaml());
      }
    }
    if (chosen.state() != CompositeIndex.State.SERVING) {
      chosen = indexes.awaitServing(chosen);
    }
    indexes.used(chosen.definition());
    return scan(nq, b, chosen);
  }

  /** A merge join of the chosen partial indexes, or null if one of them is gone. */
  private static Plan mergeJoin(
      NormalizedQuery nq, Branch b, List<IndexDefinition> chosen, IndexSupport indexes) {
    List<Plan.CompositeScan> scans = new ArrayList<>();
    Set<EqFilter> covered = new HashSet<>();
    for (IndexDefinition d : chosen) {
      CompositeIndex index = indexes.catalog().byId(d.id());
      if (index == null) {
        return null;
      }
      if (index.state() != CompositeIndex.State.SERVING) {
        index = indexes.awaitServing(index);
      }
      indexes.used(index.definition());
      Plan.CompositeScan scan = scan(nq, b, index);
      for (EqFilter e : b.equalities()) {
        if (!scan.residualEqualities().contains(e)) {
          covered.add(e);
        }
      }
      // The join checks what no scan covers; a scan on its own checks nothing.
      scans.add(new Plan.CompositeScan(scan.index(), scan.ancestor(), scan.prefixValues(),
          scan.range(), scan.keys(), List.of()));
    }
    List<EqFilter> residual = new ArrayList<>();
    for (EqFilter e : b.equalities()) {
      if (!covered.contains(e)) {
        residual.add(e);
      }
    }
    return new Plan.CompositeMergeJoin(List.copyOf(scans), List.copyOf(residual));
  }

  private static Plan.CompositeScan scan(NormalizedQuery nq, Branch b, CompositeIndex index) {
    List<byte[]> prefix = new ArrayList<>();
    Set<String> fixedProps = new HashSet<>();
    List<EqFilter> residual = new ArrayList<>();
    List<EqFilter> used = new ArrayList<>();
    for (IndexProperty p : index.definition().properties()) {
      EqFilter eq = null;
      if (!p.name().equals(b.rangeProperty()) && !fixedProps.contains(p.name())) {
        for (EqFilter e : b.equalities()) {
          if (e.property().equals(p.name())) {
            eq = e;
            break;
          }
        }
      }
      if (eq == null) {
        break;
      }
      fixedProps.add(p.name());
      used.add(eq);
      prefix.add(p.direction() == Direction.DESC ? Bytes.invert(eq.encoded()) : eq.encoded());
    }
    for (EqFilter e : b.equalities()) {
      if (!used.contains(e)) {
        residual.add(e);
      }
    }
    List<IndexProperty> props = index.definition().properties();
    ValueRange range = ValueRange.ALL;
    if (b.rangeProperty() != null) {
      if (prefix.size() >= props.size()
          || !props.get(prefix.size()).name().equals(b.rangeProperty())) {
        throw new IllegalStateException(
            "index " + index.definition() + " does not put " + b.rangeProperty()
                + " after the equalities");
      }
      range = b.range();
    }
    return new Plan.CompositeScan(index, index.definition().ancestor() ? nq.ancestor() : null,
        List.copyOf(prefix), range, b.keys(), List.copyOf(residual));
  }
}
