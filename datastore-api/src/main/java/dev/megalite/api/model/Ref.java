package dev.megalite.api.model;

import dev.megalite.api.Key;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.mapping.ClassMapping;
import java.util.Objects;

/**
 * A typed key: the {@link Key} of an entity of model class {@code T}. Immutable. Use it for
 * {@link Parent} fields, references between entities, loading ({@link #get()}) and navigating the
 * key path ({@link #parent(Class)}, {@link #child(Class, long)}).
 *
 * <p>Named {@code Ref} so it does not clash with {@link Key}, the untyped key it wraps.
 *
 * @param <T> the model class the key points at
 */
public final class Ref<T> implements Comparable<Ref<?>> {
  private final Class<T> type;
  private final Key key;

  private Ref(Class<T> type, Key key) {
    this.type = type;
    this.key = key;
  }

  /** The typed form of {@code key}; fails when its kind is not {@code type}'s kind. */
  public static <T> Ref<T> of(Class<T> type, Key key) {
    Objects.requireNonNull(type, "type");
    if (key == null) {
      throw new BadRequestException("key is null");
    }
    String kind = ClassMapping.kindOf(type);
    if (!kind.equals(key.kind())) {
      throw new BadRequestException(
          key + " is of kind '" + key.kind() + "', not '" + kind + "' (the kind of "
              + type.getSimpleName() + ")");
    }
    return new Ref<>(type, key);
  }

  /** The root key of {@code type} with id {@code id}, in the project of the default datastore. */
  public static <T> Ref<T> of(Class<T> type, long id) {
    return new Ref<>(type, Key.of(Models.projectId(), ClassMapping.kindOf(type), id));
  }

  /** The root key of {@code type} named {@code name}, in the project of the default datastore. */
  public static <T> Ref<T> of(Class<T> type, String name) {
    return new Ref<>(type, Key.of(Models.projectId(), ClassMapping.kindOf(type), name));
  }

  /** Parses {@link #toUrlSafe()} output; fails when the key is not of {@code type}'s kind. */
  public static <T> Ref<T> fromUrlSafe(Class<T> type, String urlSafe) {
    return of(type, Key.fromUrlSafe(urlSafe));
  }

  /** The child of this entity of {@code type} with id {@code id}. */
  public <C> Ref<C> child(Class<C> childType, long id) {
    return new Ref<>(childType, key.child(ClassMapping.kindOf(childType), id));
  }

  /** The child of this entity of {@code type} named {@code name}. */
  public <C> Ref<C> child(Class<C> childType, String name) {
    return new Ref<>(childType, key.child(ClassMapping.kindOf(childType), name));
  }

  /**
   * The parent, typed as {@code parentType}; null for a root. Fails when the parent's kind is not
   * {@code parentType}'s.
   */
  public <P> Ref<P> parent(Class<P> parentType) {
    Key parent = key.parent();
    return parent == null ? null : of(parentType, parent);
  }

  /** The parent key, or null for a root. */
  public Key parentKey() {
    return key.parent();
  }

  /** The key of the entity-group root (this key for a root). */
  public Key rootKey() {
    return key.root();
  }

  /** Loads the entity (in the current transaction, if any); null when there is none. */
  public T get() {
    return Models.get(this);
  }

  public Key key() {
    return key;
  }

  public Class<T> type() {
    return type;
  }

  public String kind() {
    return key.kind();
  }

  /** The id, or 0 when the key has a name. */
  public long id() {
    return key.id();
  }

  /** The name, or null when the key has an id. */
  public String name() {
    return key.name();
  }

  public String toUrlSafe() {
    return key.toUrlSafe();
  }

  @Override
  public int compareTo(Ref<?> o) {
    return key.compareTo(o.key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref<?> r && type == r.type && key.equals(r.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "Ref<" + type.getSimpleName() + ">" + key.toString().substring("Key".length());
  }
}
