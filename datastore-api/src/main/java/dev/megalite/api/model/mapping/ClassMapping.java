package dev.megalite.api.model.mapping;

import dev.megalite.api.BaseKey;
import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.LoadException;
import dev.megalite.api.model.MappingException;
import dev.megalite.api.model.ValidationException;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled mapping of one model class (an entity, or a class embedded in one) to entities:
 * its kind, key fields, properties with their codecs and checks, lifecycle methods and
 * constructor, all as method handles. Compiled once per class by {@link #of(Class)} and cached;
 * immutable and thread-safe.
 *
 * @param <T> the model class
 */
public final class ClassMapping<T> {
  private static final ClassValue<ClassMapping<?>> CACHE =
      new ClassValue<>() {
        @Override
        protected ClassMapping<?> computeValue(Class<?> type) {
          return ClassCompiler.compile(type);
        }
      };

  final Class<T> type;
  final String kind;
  final boolean entity;
  final PropertyMapping[] properties;
  /** Stored names and older names to their property. */
  final Map<String, PropertyMapping> byStoredName;
  /** Field names to their property. */
  final Map<String, PropertyMapping> byField;
  final KeyPart id;
  final KeyPart parent;
  final Slot unmapped;
  final MethodHandle[] onSave;
  final MethodHandle[] onLoad;
  /** {@code ()Object} for a class, {@code (Object[])Object} for a record. */
  final MethodHandle constructor;
  /** For a record: every component, in order; null for a class. */
  final Slot[] components;

  ClassMapping(
      Class<T> type,
      String kind,
      boolean entity,
      PropertyMapping[] properties,
      KeyPart id,
      KeyPart parent,
      Slot unmapped,
      MethodHandle[] onSave,
      MethodHandle[] onLoad,
      MethodHandle constructor,
      Slot[] components) {
    this.type = type;
    this.kind = kind;
    this.entity = entity;
    this.properties = properties;
    this.id = id;
    this.parent = parent;
    this.unmapped = unmapped;
    this.onSave = onSave;
    this.onLoad = onLoad;
    this.constructor = constructor;
    this.components = components;
    Map<String, PropertyMapping> stored = new LinkedHashMap<>();
    Map<String, PropertyMapping> fields = new LinkedHashMap<>();
    for (PropertyMapping p : properties) {
      stored.put(p.name, p);
      fields.put(p.field(), p);
    }
    for (PropertyMapping p : properties) {
      for (String old : p.alsoLoad) {
        stored.putIfAbsent(old, p);
      }
    }
    this.byStoredName = stored;
    this.byField = fields;
  }

  /** The mapping of {@code type}, compiled on first use. */
  @SuppressWarnings("unchecked")
  public static <T> ClassMapping<T> of(Class<T> type) {
    return (ClassMapping<T>) CACHE.get(type);
  }

  private static final ClassValue<String> KINDS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          dev.megalite.api.model.Entity e =
              type.getAnnotation(dev.megalite.api.model.Entity.class);
          return e == null || e.value().isEmpty() ? type.getSimpleName() : e.value();
        }
      };

  /** The kind of {@code type}: its {@code @Entity} name, or its simple name. */
  public static String kindOf(Class<?> type) {
    return KINDS.get(type);
  }

  public Class<T> type() {
    return type;
  }

  public String kind() {
    return kind;
  }

  /** Whether the class is an {@code @Entity} (otherwise it can only be embedded). */
  public boolean isEntity() {
    return entity;
  }

  /** Fails unless the class is an {@code @Entity}. */
  public ClassMapping<T> requireEntity() {
    if (!entity) {
      throw new MappingException(
          type.getName() + " is not an entity: annotate it with @Entity (and give it an @Id)");
    }
    return this;
  }

  /** Whether the class is a record (instances are copied, not changed, when ids are set). */
  public boolean isRecord() {
    return components != null;
  }

  // ---- saving ----

  /**
   * The entity of {@code instance} in {@code project}: runs its {@code @OnSave} methods, applies
   * defaults, validates every property, and converts. The key is incomplete when the id is still
   * to be allocated.
   *
   * @throws ValidationException when a value breaks a rule; nothing has been written
   */
  public Entity toEntity(T instance, String project) {
    requireEntity();
    Lifecycle.run(onSave, instance, type);
    HiddenState.State hidden = unmapped == null ? HiddenState.get(instance) : null;
    Entity.Builder b = Entity.newBuilder(key(instance, project, hidden));
    writeProperties(instance, b, hidden);
    return b.build();
  }

  /** The keyless entity of an embedded {@code instance}. */
  Entity toEmbedded(Object instance) {
    Lifecycle.run(onSave, instance, type);
    HiddenState.State hidden = unmapped == null ? HiddenState.get(instance) : null;
    Entity.Builder b = Entity.newEmbeddedBuilder();
    writeProperties(instance, b, hidden);
    return b.build();
  }

  private void writeProperties(Object instance, Entity.Builder b, HiddenState.State hidden) {
    for (PropertyMapping p : properties) {
      Object v = p.slot.get(instance);
      if (v == null && p.defaultValue != null) {
        v = p.defaultValue;
        if (components == null) {
          p.slot.set(instance, v);
        }
      }
      p.validate(v);
      b.set(p.name, p.encode(v));
    }
    Map<String, Value> unknown = unknownOf(instance, hidden);
    if (unknown != null) {
      for (Map.Entry<String, Value> e : unknown.entrySet()) {
        if (!byStoredName.containsKey(e.getKey())) {
          b.set(e.getKey(), e.getValue());
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Value> unknownOf(Object instance, HiddenState.State hidden) {
    if (unmapped != null) {
      return (Map<String, Value>) unmapped.get(instance);
    }
    return hidden == null ? null : hidden.unknown();
  }

  private BaseKey key(Object instance, String project, HiddenState.State hidden) {
    Key parentKey;
    if (parent != null) {
      parentKey = parent.parentKey(parent.slot.get(instance));
    } else {
      parentKey = hidden == null ? null : hidden.parent();
    }
    Object idValue = id.slot.get(instance);
    try {
      if (id.kind == KeyPart.Kind.STRING) {
        String name = (String) idValue;
        if (name == null || name.isEmpty()) {
          throw new ValidationException(type.getSimpleName(), id.slot.name(), Describe.java(name),
              "is missing, but a String @Id names the entity and must be set before put");
        }
        return parentKey == null ? Key.of(project, kind, name) : parentKey.child(kind, name);
      }
      long n = idValue == null ? 0 : (Long) idValue;
      if (n < 0) {
        throw new ValidationException(type.getSimpleName(), id.slot.name(), Long.toString(n),
            "is negative; ids are positive (0 or null to allocate one)");
      }
      if (n == 0) {
        return parentKey == null
            ? IncompleteKey.of(project, kind)
            : IncompleteKey.of(parentKey, kind);
      }
      return parentKey == null ? Key.of(project, kind, n) : parentKey.child(kind, n);
    } catch (ValidationException e) {
      throw e;
    } catch (BadRequestException e) {
      throw new ValidationException(type.getSimpleName(), id.slot.name(), Describe.java(idValue),
          "cannot be part of a key: " + e.getMessage());
    }
  }

  /** The complete key of {@code instance}, or null while its id is still to be allocated. */
  public Key keyOf(T instance, String project) {
    requireEntity();
    HiddenState.State hidden = parent == null ? HiddenState.get(instance) : null;
    BaseKey key = key(instance, project, hidden);
    return key instanceof Key k ? k : null;
  }

  /**
   * {@code instance} with the id of {@code key} (just allocated): the same instance with its
   * {@code @Id} field set, or for a record a copy.
   */
  public T withKey(T instance, Key key) {
    Object idValue = id.kind == KeyPart.Kind.STRING ? key.name() : (Object) key.id();
    if (components == null) {
      id.slot.set(instance, idValue);
      return instance;
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = components[i].get(instance);
    }
    args[id.slot.component()] = idValue;
    T copy = construct(args);
    HiddenState.State hidden = HiddenState.get(instance);
    if (hidden != null) {
      HiddenState.put(copy, hidden);
    }
    return copy;
  }

  // ---- loading ----

  /**
   * The instance of stored {@code entity}, with its {@code @OnLoad} methods run.
   *
   * @throws LoadException when the key or a property does not fit the class
   */
  public T fromEntity(Entity entity) {
    requireEntity();
    Key key = entity.completeKey();
    if (!key.kind().equals(kind)) {
      throw new LoadException(key, null,
          "it is of kind '" + key.kind() + "', not '" + kind + "' (the kind of "
              + type.getSimpleName() + ")");
    }
    Object target = components == null ? newInstance() : new Object[components.length];
    id.slot.store(target, idValue(key));
    Key parentKey = key.parent();
    if (parent != null) {
      try {
        parent.slot.store(target, parent.parentValue(parentKey));
      } catch (BadRequestException e) {
        throw new LoadException(key, null, "its parent " + parentKey + " is not of kind '"
            + parent.refKind + "', as " + type.getSimpleName() + "." + parent.slot.name()
            + " requires");
      }
    }
    try {
      return readProperties(entity, target, parent == null ? parentKey : null);
    } catch (Mismatch m) {
      throw new LoadException(key, m.path(), m.getMessage());
    }
  }

  private Object idValue(Key key) {
    if (id.kind == KeyPart.Kind.STRING) {
      if (!key.hasName()) {
        throw new LoadException(key, null, "it has an id, but " + type.getSimpleName() + "."
            + id.slot.name() + " is a String name");
      }
      return key.name();
    }
    if (!key.hasId()) {
      throw new LoadException(key, null, "it has a name, but " + type.getSimpleName() + "."
          + id.slot.name() + " is a numeric id");
    }
    return key.id();
  }

  /** The instance of an embedded entity. */
  Object fromEmbedded(Entity entity) throws Mismatch {
    Object target = components == null ? newInstance() : new Object[components.length];
    return readProperties(entity, target, null);
  }

  private T readProperties(Entity entity, Object target, Key hiddenParent) throws Mismatch {
    Map<String, Value> stored = entity.properties();
    int used = 0;
    for (PropertyMapping p : properties) {
      Value v = stored.get(p.name);
      if (v == null) {
        for (String old : p.alsoLoad) {
          v = stored.get(old);
          if (v != null) {
            break;
          }
        }
      }
      Object value;
      if (v == null) {
        if (components == null) {
          if (p.defaultValue == null
              && (p.collection == null || p.slot.get(target) != null)) {
            continue;
          }
        }
        value = p.missing();
      } else {
        used++;
        try {
          value = p.decode(v);
        } catch (Mismatch m) {
          throw m.under(p.name);
        } catch (BadRequestException e) {
          throw new Mismatch(e.getMessage()).under(p.name);
        }
      }
      p.slot.store(target, value);
    }
    Map<String, Value> unknown = null;
    if (stored.size() > used) {
      for (Map.Entry<String, Value> e : stored.entrySet()) {
        if (!byStoredName.containsKey(e.getKey())) {
          if (unknown == null) {
            unknown = new LinkedHashMap<>();
          }
          unknown.put(e.getKey(), e.getValue());
        }
      }
    }
    if (unmapped != null) {
      unmapped.store(target, unknown == null ? new LinkedHashMap<String, Value>() : unknown);
    }
    T instance = components == null ? type.cast(target) : construct((Object[]) target);
    if (unmapped == null && (unknown != null || hiddenParent != null)) {
      HiddenState.put(instance, new HiddenState.State(hiddenParent, unknown));
    }
    Lifecycle.run(onLoad, instance, type);
    return instance;
  }

  private Object newInstance() {
    try {
      return (Object) constructor.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("constructing " + type.getName() + " failed", t);
    }
  }

  private T construct(Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null && components[i].primitiveZero != null) {
        args[i] = components[i].primitiveZero;
      }
    }
    try {
      return type.cast((Object) constructor.invokeExact(args));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("constructing " + type.getName() + " failed", t);
    }
  }

  // ---- queries ----

  /**
   * The stored name of {@code property}: a field name or a stored name, dotted into embedded
   * classes ({@code address.city}). Names the class does not map are returned as they are.
   */
  public String storedName(String property) {
    StringBuilder out = new StringBuilder();
    ClassMapping<?> m = this;
    String[] parts = property.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      PropertyMapping p = m == null ? null : m.property(parts[i]);
      if (i > 0) {
        out.append('.');
      }
      out.append(p == null ? parts[i] : p.name);
      m = p != null && p.codec instanceof EmbeddedCodec e ? e.mapping() : null;
    }
    return out.toString();
  }

  /**
   * The value a filter on {@code property} compares with {@code javaValue}: converted as the
   * property's field stores it (an element of a collection field), or as {@link
   * JavaValues#toValue} converts it when the class does not map the property.
   */
  public Value queryValue(String property, Object javaValue) {
    ClassMapping<?> m = this;
    PropertyMapping p = null;
    for (String part : property.split("\\.", -1)) {
      p = m == null ? null : m.property(part);
      m = p != null && p.codec instanceof EmbeddedCodec e ? e.mapping() : null;
    }
    if (p == null || javaValue == null || p.codec == Codecs.VALUE || javaValue instanceof Value) {
      return JavaValues.toValue(javaValue);
    }
    Value v = p.codec.encodeFilter(javaValue);
    if (v == null) {
      throw new BadRequestException("a filter on " + type.getSimpleName() + "." + p.field()
          + " needs a " + p.codec.typeName() + ", not " + javaValue.getClass().getSimpleName());
    }
    return v;
  }

  private PropertyMapping property(String name) {
    PropertyMapping p = byField.get(name);
    return p != null ? p : byStoredName.get(name);
  }

  @Override
  public String toString() {
    return "ClassMapping(" + type.getName() + " -> " + kind + ")";
  }
}
