package dev.megalite.api.model;

import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.model.mapping.Access;
import dev.megalite.api.model.mapping.ClassMapping;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The model layer's entry point: the default datastore, put / get / delete of model instances
 * (one or a batch), queries, and transactions that {@code put()} and {@code get()} join on their
 * own.
 *
 * <pre>{@code
 * Models.use(datastore);                       // or Megalite.openDefault(path) in the engine
 * Employee e = Models.put(new Employee("Ann", "manager"));   // e.id is now allocated
 * Employee again = Models.get(Employee.class, e.id);
 * Models.runInTransaction(() -> { ... Models.put(...); ... });
 * }</pre>
 *
 * Thread-safe. The default datastore is one per JVM; the current transaction is per thread.
 */
public final class Models {
  private static volatile Session defaults;
  private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

  private Models() {}

  // ---- configuration ----

  /**
   * Makes {@code datastore} the default of the model layer (null: none). Without a {@link
   * GqlCompiler}, typed GQL queries fetch and iterate but cannot count by aggregation, resume from
   * cursors or run in transactions; the engine's {@code Megalite.makeDefault(ds)} sets both.
   */
  public static void use(Datastore datastore) {
    use(datastore, null);
  }

  /** Makes {@code datastore} the default, with {@code compiler} for typed GQL (may be null). */
  public static void use(Datastore datastore, GqlCompiler compiler) {
    defaults = datastore == null ? null : new Session(datastore, null, compiler);
  }

  /** The default datastore. */
  public static Datastore datastore() {
    return configured().datastore();
  }

  /** The default datastore, or null when none is set. */
  public static Datastore datastoreOrNull() {
    Session s = defaults;
    return s == null ? null : s.datastore();
  }

  /** The GQL compiler set with the default datastore, or null. */
  public static GqlCompiler gqlCompiler() {
    Session s = defaults;
    return s == null ? null : s.compiler();
  }

  /**
   * Lets the model layer map the classes of a package that is not open to it: call with {@code
   * MethodHandles.lookup()} from inside the class (it then covers the class and its nested
   * classes). Not needed on the class path.
   */
  public static void grantAccess(MethodHandles.Lookup lookup) {
    Access.grant(lookup);
  }

  static String projectId() {
    return session().project();
  }

  private static Session configured() {
    Session s = defaults;
    if (s == null) {
      throw new BadRequestException(
          "the model layer has no default datastore: call Models.use(datastore) (or"
              + " Megalite.openDefault(path) / Megalite.makeDefault(datastore)) first");
    }
    return s;
  }

  /** The current transaction's session on this thread, else the default datastore's. */
  static Session session() {
    Session s = CURRENT.get();
    return s != null ? s : configured();
  }

  // ---- put, get, delete ----

  /**
   * Validates and stores {@code entity}; returns it with its id (allocated when it was null or
   * 0). A class instance gets its id set and is returned; a record is returned as a copy.
   *
   * @throws ValidationException when a value breaks a rule; nothing is written
   */
  public static <T> T put(T entity) {
    return putAll(List.of(entity), null).get(0);
  }

  /** Puts {@code entity} (a class instance, not a record) and returns its typed key. */
  static <T> Ref<T> putForRef(T entity) {
    List<Key> keys = new ArrayList<>(1);
    putAll(List.of(entity), keys);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) entity.getClass();
    return Ref.of(type, keys.get(0));
  }

  /** Stores {@code entities} in one batch (atomically); see {@link #put(Object)}. */
  public static <T> List<T> putAll(List<T> entities) {
    return putAll(entities, null);
  }

  private static <T> List<T> putAll(List<T> entities, List<Key> keysOut) {
    Session s = session();
    List<Entity> rows = new ArrayList<>(entities.size());
    List<ClassMapping<T>> mappings = new ArrayList<>(entities.size());
    for (T e : entities) {
      ClassMapping<T> m = mappingOf(e);
      mappings.add(m);
      rows.add(m.toEntity(e, s.project()));
    }
    List<Entity> stored = s.put(rows);
    List<T> out = new ArrayList<>(entities.size());
    for (int i = 0; i < entities.size(); i++) {
      T e = entities.get(i);
      boolean allocated = !rows.get(i).key().isComplete();
      Key key = stored.get(i).completeKey();
      out.add(allocated ? mappings.get(i).withKey(e, key) : e);
      if (keysOut != null) {
        keysOut.add(key);
      }
    }
    return out;
  }

  /** The entity of {@code type} with id {@code id} (a root), or null. */
  public static <T> T get(Class<T> type, long id) {
    ClassMapping<T> m = ClassMapping.of(type).requireEntity();
    Session s = session();
    Entity e = s.get(Key.of(s.project(), m.kind(), id));
    return e == null ? null : m.fromEntity(e);
  }

  /** The entity of {@code type} named {@code name} (a root), or null. */
  public static <T> T get(Class<T> type, String name) {
    ClassMapping<T> m = ClassMapping.of(type).requireEntity();
    Session s = session();
    Entity e = s.get(Key.of(s.project(), m.kind(), name));
    return e == null ? null : m.fromEntity(e);
  }

  /** The entity {@code ref} points at, or null. */
  public static <T> T get(Ref<T> ref) {
    ClassMapping<T> m = ClassMapping.of(ref.type()).requireEntity();
    Entity e = session().get(ref.key());
    return e == null ? null : m.fromEntity(e);
  }

  /** The entity of {@code type} stored under {@code key}, or null. */
  public static <T> T get(Class<T> type, Key key) {
    return get(Ref.of(type, key));
  }

  /** The entities {@code refs} point at, in one batch, in order, null where absent. */
  public static <T> List<T> getAll(List<Ref<T>> refs) {
    List<Key> keys = new ArrayList<>(refs.size());
    for (Ref<T> r : refs) {
      keys.add(r.key());
    }
    List<Entity> rows = session().get(keys);
    List<T> out = new ArrayList<>(refs.size());
    for (int i = 0; i < rows.size(); i++) {
      Entity e = rows.get(i);
      out.add(e == null ? null : ClassMapping.of(refs.get(i).type()).fromEntity(e));
    }
    return out;
  }

  /** Deletes an entity: given as a model instance, a {@link Ref} or a {@link Key}. */
  public static void delete(Object entityOrRef) {
    deleteAll(List.of(entityOrRef));
  }

  /** Deletes entities (instances, refs or keys) in one batch, atomically. */
  public static void deleteAll(Collection<?> entitiesOrRefs) {
    Session s = session();
    List<Key> keys = new ArrayList<>(entitiesOrRefs.size());
    for (Object o : entitiesOrRefs) {
      keys.add(keyOf(o, s));
    }
    s.delete(keys);
  }

  /** The typed key of a stored (or named) instance; fails while its id is still unallocated. */
  public static <T> Ref<T> ref(T entity) {
    ClassMapping<T> m = mappingOf(entity);
    return Ref.of(m.type(), requireKey(m, entity, session()));
  }

  private static Key keyOf(Object o, Session s) {
    if (o instanceof Ref<?> r) {
      return r.key();
    }
    if (o instanceof Key k) {
      return k;
    }
    if (o == null) {
      throw new BadRequestException("cannot delete null");
    }
    return requireKey(mappingOf(o), o, s);
  }

  private static <T> Key requireKey(ClassMapping<T> m, Object o, Session s) {
    Key key = m.keyOf(m.type().cast(o), s.project());
    if (key == null) {
      throw new BadRequestException(
          "this " + m.type().getSimpleName() + " has no id yet: put it first");
    }
    return key;
  }

  @SuppressWarnings("unchecked")
  private static <T> ClassMapping<T> mappingOf(T instance) {
    if (instance == null) {
      throw new BadRequestException("model instance is null");
    }
    return ClassMapping.of((Class<T>) instance.getClass()).requireEntity();
  }

  // ---- queries and conversions ----

  /** A fluent typed query over {@code type}'s kind. */
  public static <T> ModelQuery<T> query(Class<T> type) {
    return ModelQuery.of(type);
  }

  /** A typed App Engine GQL query; see {@link GqlQuery#of(Class, String, Object...)}. */
  public static <T> GqlQuery<T> gql(Class<T> type, String gql, Object... positional) {
    return GqlQuery.of(type, gql, positional);
  }

  /** The kind of {@code type}. */
  public static String kind(Class<?> type) {
    return ClassMapping.kindOf(type);
  }

  /** The entity {@code instance} maps to (validated, {@code @OnSave} run), without storing it. */
  public static <T> Entity toEntity(T instance) {
    return mappingOf(instance).toEntity(instance, session().project());
  }

  /** The instance of {@code type} that {@code entity} maps to. */
  public static <T> T fromEntity(Class<T> type, Entity entity) {
    return ClassMapping.of(type).fromEntity(entity);
  }

  // ---- transactions ----

  /**
   * Runs {@code work} in a transaction on the default datastore and commits it; {@code put()},
   * {@code get()}, {@code delete()} and ancestor queries inside it (on this thread) join the
   * transaction. Retried on concurrent modification (3 retries by default), so keep the work free
   * of other side effects. Inside a transaction already, the work joins it.
   */
  public static <T> T runInTransaction(Supplier<T> work) {
    return runInTransaction(TransactionOptions.defaults(), work);
  }

  /** As {@link #runInTransaction(Supplier)}, for work without a result. */
  public static void runInTransaction(Runnable work) {
    runInTransaction(TransactionOptions.defaults(), work);
  }

  /** As {@link #runInTransaction(Supplier)} with {@code options} (cross-group, retries, …). */
  public static <T> T runInTransaction(TransactionOptions options, Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    Session base = configured();
    return base.datastore().runInTransaction(options, txn -> {
      CURRENT.set(new Session(base.datastore(), txn, base.compiler()));
      try {
        return work.get();
      } finally {
        CURRENT.remove();
      }
    });
  }

  /** As {@link #runInTransaction(TransactionOptions, Supplier)}, for work without a result. */
  public static void runInTransaction(TransactionOptions options, Runnable work) {
    runInTransaction(options, () -> {
      work.run();
      return null;
    });
  }

  /** The transaction this thread is running in, or null. */
  public static Transaction currentTransaction() {
    Session s = CURRENT.get();
    return s == null ? null : s.transaction();
  }
}
