package dev.megalite.gql;

import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of one execution of a GQL statement: positional values for {@code :1} / {@code @1}
 * (1-based), named values for {@code :name} / {@code @name}, and whether the text may contain
 * literals. Values are plain Java objects: {@code Long}, {@code Integer}, {@code Short}, {@code
 * Byte}, {@code Double}, {@code Float}, {@code Boolean}, {@code String}, {@code byte[]}, {@code
 * Instant}, {@code java.util.Date}, {@code Key}, any {@code Value}, a {@code Cursor} (in LIMIT and
 * OFFSET only), a {@code List}, other {@code Collection} or object array (after IN), or null. Whether a value
 * fits its site is checked when the statement is bound.
 *
 * <p>Immutable: arrays, dates and collections are copied when given.
 */
public final class GqlBindings {
  private static final GqlBindings NONE = new GqlBindings(List.of(), Map.of(), true);

  private final List<Object> positional;
  private final Map<String, Object> named;
  private final boolean allowLiterals;

  private GqlBindings(List<Object> positional, Map<String, Object> named, boolean allowLiterals) {
    this.positional = positional;
    this.named = named;
    this.allowLiterals = allowLiterals;
  }

  /** No arguments; literals allowed. */
  public static GqlBindings none() {
    return NONE;
  }

  /** Positional arguments, {@code values[0]} for {@code :1} / {@code @1}. */
  public static GqlBindings of(Object... values) {
    Builder b = newBuilder();
    for (Object v : values) {
      b.add(v);
    }
    return b.build();
  }

  /** Named arguments. */
  public static GqlBindings of(Map<String, ?> values) {
    Builder b = newBuilder();
    values.forEach(b::set);
    return b.build();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.positional.addAll(positional);
    b.named.putAll(named);
    b.allowLiterals = allowLiterals;
    return b;
  }

  /** The positional arguments; index 0 binds {@code :1} / {@code @1}. May contain nulls. */
  public List<Object> positional() {
    return positional;
  }

  /** The named arguments, in the order they were given. Values may be null. */
  public Map<String, Object> named() {
    return named;
  }

  /** Whether the statement may contain literal values; when false, values must be bound. */
  public boolean allowLiterals() {
    return allowLiterals;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GqlBindings b
        && allowLiterals == b.allowLiterals
        && positional.equals(b.positional)
        && named.equals(b.named);
  }

  @Override
  public int hashCode() {
    return Objects.hash(positional, named, allowLiterals);
  }

  @Override
  public String toString() {
    return "GqlBindings" + positional + named + (allowLiterals ? "" : " (no literals)");
  }

  /** Copies what could change later: arrays into values, dates into instants, collections. */
  private static Object snapshot(Object value) {
    if (value instanceof byte[] bytes) {
      return Value.of(bytes);
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Collection<?> c) {
      List<Object> copy = new ArrayList<>(c.size());
      for (Object element : c) {
        copy.add(snapshot(element));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Object[] array) {
      return snapshot(Arrays.asList(array));
    }
    return value;
  }

  /** Builds {@link GqlBindings}. */
  public static final class Builder {
    private final List<Object> positional = new ArrayList<>();
    private final Map<String, Object> named = new LinkedHashMap<>();
    private boolean allowLiterals = true;

    private Builder() {}

    /** Appends the next positional argument. */
    public Builder add(Object value) {
      positional.add(snapshot(value));
      return this;
    }

    /** Sets a named argument (replacing one of the same name). */
    public Builder set(String name, Object value) {
      if (name == null || name.isEmpty()) {
        throw new BadRequestException("a named binding needs a non-empty name");
      }
      named.put(name, snapshot(value));
      return this;
    }

    /** Whether the statement may contain literals (default true). */
    public Builder allowLiterals(boolean allow) {
      this.allowLiterals = allow;
      return this;
    }

    public GqlBindings build() {
      return new GqlBindings(
          Collections.unmodifiableList(new ArrayList<>(positional)),
          Collections.unmodifiableMap(new LinkedHashMap<>(named)),
          allowLiterals);
    }
  }
}
