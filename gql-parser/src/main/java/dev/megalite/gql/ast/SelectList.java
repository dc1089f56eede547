package dev.megalite.gql.ast;

import java.util.List;
import java.util.Objects;

/** What a query returns: whole entities, keys, or projected properties. */
public sealed interface SelectList permits SelectList.All, SelectList.Keys, SelectList.Properties {

  Position position();

  /** {@code *}, or Cloud's {@code DISTINCT ON (a, …) *} when {@code distinctOn} is not empty. */
  record All(Position position, List<Name> distinctOn) implements SelectList {
    public All {
      Objects.requireNonNull(position, "position");
      distinctOn = List.copyOf(distinctOn);
    }
  }

  /** {@code __key__}: a keys-only query. */
  record Keys(Position position) implements SelectList {
    public Keys {
      Objects.requireNonNull(position, "position");
    }
  }

  /**
   * A projection. {@code DISTINCT a, b} has {@code distinct} set (distinct on every projected
   * property); Cloud's {@code DISTINCT ON (a) a, b} lists {@code distinctOn} instead.
   */
  record Properties(Position position, List<Name> properties, boolean distinct, List<Name> distinctOn)
      implements SelectList {
    public Properties {
      Objects.requireNonNull(position, "position");
      properties = List.copyOf(properties);
      distinctOn = List.copyOf(distinctOn);
      if (properties.isEmpty()) {
        throw new IllegalArgumentException("a projection needs at least one property");
      }
      if (distinct && !distinctOn.isEmpty()) {
        throw new IllegalArgumentException("DISTINCT and DISTINCT ON are exclusive");
      }
    }
  }
}
