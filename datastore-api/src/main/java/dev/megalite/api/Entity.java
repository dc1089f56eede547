package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable entity: a key (complete, incomplete, or none for an embedded entity) and its
 * properties. Schemaless: entities of one kind may have different properties and types.
 */
public final class Entity {
  /** App Engine's limit on the UTF-8 length of a property name. */
  public static final int MAX_PROPERTY_NAME_BYTES = 1500;

  private final BaseKey key;
  private final Map<String, Value> properties;

  private Entity(BaseKey key, Map<String, Value> properties) {
    this.key = key;
    this.properties = properties;
  }

  /** A builder for an entity with key {@code key} (complete or incomplete). */
  public static Builder newBuilder(BaseKey key) {
    if (key == null) {
      throw new BadRequestException("entity key is null; use newEmbeddedBuilder() for keyless");
    }
    return new Builder(key);
  }

  /** A builder for a keyless entity, to embed in another entity's property. */
  public static Builder newEmbeddedBuilder() {
    return new Builder(null);
  }

  /** A builder starting from this entity's key and properties. */
  public Builder toBuilder() {
    Builder b = new Builder(key);
    b.properties.putAll(properties);
    return b;
  }

  /** The key; null only for a keyless embedded entity. */
  public BaseKey key() {
    return key;
  }

  /** The complete key; fails if the key is incomplete or absent. */
  public Key completeKey() {
    if (key instanceof Key k) {
      return k;
    }
    throw new BadRequestException("entity key " + key + " is not complete");
  }

  /** The properties in the order they were set; unmodifiable. */
  public Map<String, Value> properties() {
    return properties;
  }

  public Set<String> names() {
    return properties.keySet();
  }

  public boolean contains(String name) {
    return properties.containsKey(name);
  }

  /** The value of property {@code name}, or null when the entity lacks it. */
  public Value get(String name) {
    return properties.get(name);
  }

  public long getLong(String name) {
    return as(name, IntegerValue.class).value();
  }

  public double getDouble(String name) {
    return as(name, DoubleValue.class).value();
  }

  public boolean getBoolean(String name) {
    return as(name, BooleanValue.class).value();
  }

  public String getString(String name) {
    return as(name, StringValue.class).value();
  }

  public Key getKey(String name) {
    return as(name, KeyValue.class).value();
  }

  public Instant getTimestamp(String name) {
    return as(name, TimestampValue.class).toInstant();
  }

  public List<Value> getList(String name) {
    return as(name, ListValue.class).values();
  }

  private <T extends Value> T as(String name, Class<T> type) {
    Value v = properties.get(name);
    if (v == null) {
      throw new BadRequestException("entity " + key + " has no property '" + name + "'");
    }
    if (!type.isInstance(v)) {
      throw new BadRequestException(
          "property '" + name + "' of " + key + " is " + v.type() + ", not " + type.getSimpleName());
    }
    return type.cast(v);
  }

  /** This entity with key {@code newKey}. */
  public Entity withKey(BaseKey newKey) {
    return new Entity(newKey, properties);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entity e
        && (key == null ? e.key == null : key.equals(e.key))
        && properties.equals(e.properties);
  }

  @Override
  public int hashCode() {
    return (key == null ? 0 : key.hashCode()) * 31 + properties.hashCode();
  }

  @Override
  public String toString() {
    return "Entity{" + key + ", " + properties + "}";
  }

  /** Checks a property name: non-empty, at most 1,500 bytes, not of the reserved form. */
  public static void validatePropertyName(String name) {
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("property name is empty");
    }
    // As for kinds and key names: a short name cannot be over the limit, so it is not counted.
    int bytes = name.length() <= MAX_PROPERTY_NAME_BYTES / 3
        ? 0
        : name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PROPERTY_NAME_BYTES) {
      throw new BadRequestException(
          String.format(
              java.util.Locale.ROOT,
              "property name '%s…' is %,d bytes; the limit is %,d",
              name.substring(0, 20), bytes, MAX_PROPERTY_NAME_BYTES));
    }
    PathElement.checkWellFormed("property name", name);
    if (PathElement.isReserved(name)) {
      throw new BadRequestException(
          "property name '" + name + "' is reserved: names of the form __x__ belong to the datastore");
    }
  }

  /** Builds an {@link Entity}. Not thread-safe. */
  public static final class Builder {
    private BaseKey key;
    private Map<String, Value> properties = new LinkedHashMap<>();
    /** Whether a built entity holds {@link #properties}: the next change copies it first. */
    private boolean shared;

    private Builder(BaseKey key) {
      this.key = key;
    }

    public Builder key(BaseKey key) {
      this.key = key;
      return this;
    }

    public Builder set(String name, Value value) {
      validatePropertyName(name);
      if (value == null) {
        throw new BadRequestException("property '" + name + "' value is null; use Value.ofNull()");
      }
      owned().put(name, value);
      return this;
    }

    public Builder set(String name, long value) {
      return set(name, Value.of(value));
    }

    public Builder set(String name, double value) {
      return set(name, Value.of(value));
    }

    public Builder set(String name, boolean value) {
      return set(name, Value.of(value));
    }

    public Builder set(String name, String value) {
      return set(name, value == null ? Value.ofNull() : Value.of(value));
    }

    public Builder set(String name, Key value) {
      return set(name, value == null ? Value.ofNull() : Value.of(value));
    }

    public Builder set(String name, Instant value) {
      return set(name, value == null ? Value.ofNull() : Value.of(value));
    }

    /** A multi-valued property. */
    public Builder set(String name, Value first, Value... more) {
      Value[] all = new Value[more.length + 1];
      all[0] = first;
      System.arraycopy(more, 0, all, 1, more.length);
      return set(name, Value.list(all));
    }

    public Builder setNull(String name) {
      return set(name, Value.ofNull());
    }

    public Builder remove(String name) {
      owned().remove(name);
      return this;
    }

    public Builder clear() {
      owned().clear();
      return this;
    }

    public Entity build() {
      // No copy here: most builders build once (every entity read from storage goes through
      // one), and a builder changed after build() copies before the change.
      shared = true;
      return new Entity(key, Collections.unmodifiableMap(properties));
    }

    private Map<String, Value> owned() {
      if (shared) {
        properties = new LinkedHashMap<>(properties);
        shared = false;
      }
      return properties;
    }
  }
}
