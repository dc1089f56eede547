package dev.megalite.engine.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable view of the composite indexes: what writes maintain and what queries may use. */
public final class IndexCatalog {
  public static final IndexCatalog EMPTY = new IndexCatalog(Map.of());

  private final Map<Long, CompositeIndex> byId;
  private final Map<String, List<CompositeIndex>> byKind;

  public IndexCatalog(Map<Long, CompositeIndex> byId) {
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    Map<String, List<CompositeIndex>> kinds = new LinkedHashMap<>();
    for (CompositeIndex i : byId.values()) {
      kinds.computeIfAbsent(i.definition().kind(), k -> new ArrayList<>()).add(i);
    }
    this.byKind = kinds;
  }

  /** Every index of {@code kind}, building or serving: all of them are maintained by writes. */
  public List<CompositeIndex> maintained(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The indexes of {@code kind} that queries may use. */
  public List<CompositeIndex> serving(String kind) {
    List<CompositeIndex> out = new ArrayList<>();
    for (CompositeIndex i : maintained(kind)) {
      if (i.state() == CompositeIndex.State.SERVING) {
        out.add(i);
      }
    }
    return out;
  }

  public CompositeIndex byId(long id) {
    return byId.get(id);
  }

  public Map<Long, CompositeIndex> all() {
    return byId;
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
