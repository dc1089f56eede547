package dev.megalite.api.model.mapping;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.model.AlsoLoad;
import dev.megalite.api.model.Id;
import dev.megalite.api.model.Ignore;
import dev.megalite.api.model.Index;
import dev.megalite.api.model.MappingException;
import dev.megalite.api.model.Model;
import dev.megalite.api.model.OnLoad;
import dev.megalite.api.model.OnSave;
import dev.megalite.api.model.Parent;
import dev.megalite.api.model.Property;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Unindex;
import dev.megalite.api.model.Unmapped;
import dev.megalite.api.model.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles a class into a {@link ClassMapping}: reflection once, method handles from then on. */
final class ClassCompiler {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SETTER =
      MethodType.methodType(void.class, Object.class, Object.class);
  private static final MethodType CALLBACK = MethodType.methodType(void.class, Object.class);

  /** Classes being compiled on this thread: an embedded class among them is resolved lazily. */
  private static final ThreadLocal<Set<Class<?>>> IN_PROGRESS =
      ThreadLocal.withInitial(HashSet::new);

  private final Class<?> type;
  private final String model;
  private final boolean record;
  private final Lookup lookup;
  private final List<PropertyMapping> properties = new ArrayList<>();
  private KeyPart id;
  private KeyPart parent;
  private Slot unmapped;
  private Slot[] components;

  private ClassCompiler(Class<?> type) {
    this.type = type;
    this.model = type.getSimpleName();
    this.record = type.isRecord();
    this.lookup = Access.lookup(type);
  }

  static ClassMapping<?> compile(Class<?> type) {
    check(type);
    Set<Class<?>> inProgress = IN_PROGRESS.get();
    inProgress.add(type);
    try {
      return new ClassCompiler(type).build();
    } finally {
      inProgress.remove(type);
    }
  }

  private static void check(Class<?> type) {
    String problem = null;
    if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum()
        || type.isAnnotation()) {
      problem = "is not a class or record";
    } else if (Modifier.isAbstract(type.getModifiers())) {
      problem = "is abstract";
    } else if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
        && !type.isRecord()) {
      problem = "is an inner class; make it static";
    } else if (type.isAnonymousClass() || type.isLocalClass() && !type.isRecord()) {
      problem = "is anonymous or local";
    }
    if (problem != null) {
      throw new MappingException(type.getName() + " cannot be a model class: it " + problem);
    }
  }

  private ClassMapping<?> build() {
    if (record) {
      recordComponents();
    } else {
      for (Class<?> c : hierarchy()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
              || f.isAnnotationPresent(Ignore.class)) {
            continue;
          }
          if (Modifier.isFinal(mod)) {
            throw new MappingException(where(f) + " is final; model fields must be assignable"
                + " (or mark it @Ignore, static or transient)");
          }
          field(f, classSlot(f));
        }
      }
    }
    boolean entity = type.isAnnotationPresent(dev.megalite.api.model.Entity.class);
    if (entity && id == null) {
      throw new MappingException(model + " is an @Entity without an @Id field");
    }
    if (!entity && parent != null) {
      throw new MappingException(model + " has a @Parent field but is not an @Entity");
    }
    return newMapping(entity);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private ClassMapping<?> newMapping(boolean entity) {
    return new ClassMapping(
        type,
        ClassMapping.kindOf(type),
        entity,
        properties.toArray(new PropertyMapping[0]),
        id,
        parent,
        unmapped,
        callbacks(OnSave.class),
        callbacks(OnLoad.class),
        constructor(),
        components);
  }

  /** The class and its superclasses, topmost first, without Object and Model. */
  private List<Class<?>> hierarchy() {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class && c != Model.class;
        c = c.getSuperclass()) {
      out.add(0, c);
    }
    return out;
  }

  private void recordComponents() {
    RecordComponent[] rc = type.getRecordComponents();
    components = new Slot[rc.length];
    for (int i = 0; i < rc.length; i++) {
      Field f;
      try {
        f = type.getDeclaredField(rc[i].getName());
      } catch (NoSuchFieldException e) {
        throw new MappingException("record " + model + " has no field " + rc[i].getName(), e);
      }
      components[i] = new Slot(f.getName(), getter(f), null, i, zero(f.getType()));
      if (!f.isAnnotationPresent(Ignore.class)) {
        field(f, components[i]);
      }
    }
  }

  private Slot classSlot(Field f) {
    try {
      Lookup l = f.getDeclaringClass() == type ? lookup : Access.lookup(f.getDeclaringClass());
      MethodHandle set = l.unreflectSetter(f).asType(SETTER);
      return new Slot(f.getName(), getter(f), set, -1, zero(f.getType()));
    } catch (IllegalAccessException e) {
      throw new MappingException("cannot access " + where(f), e);
    }
  }

  private MethodHandle getter(Field f) {
    try {
      Lookup l = f.getDeclaringClass() == type ? lookup : Access.lookup(f.getDeclaringClass());
      return l.unreflectGetter(f).asType(GETTER);
    } catch (IllegalAccessException e) {
      throw new MappingException("cannot access " + where(f), e);
    }
  }

  private static Object zero(Class<?> c) {
    if (!c.isPrimitive()) {
      return null;
    }
    if (c == boolean.class) {
      return false;
    }
    if (c == long.class) {
      return 0L;
    }
    if (c == int.class) {
      return 0;
    }
    if (c == short.class) {
      return (short) 0;
    }
    if (c == byte.class) {
      return (byte) 0;
    }
    if (c == double.class) {
      return 0.0;
    }
    if (c == float.class) {
      return 0.0f;
    }
    return '\0';
  }

  private String where(Field f) {
    return model + "." + f.getName();
  }

  private void field(Field f, Slot slot) {
    if (f.isAnnotationPresent(Id.class)) {
      if (id != null) {
        throw new MappingException(model + " has two @Id fields: " + id.slot.name() + " and "
            + f.getName());
      }
      Class<?> t = f.getType();
      KeyPart.Kind kind = t == long.class ? KeyPart.Kind.PRIMITIVE_LONG
          : t == Long.class ? KeyPart.Kind.LONG
          : t == String.class ? KeyPart.Kind.STRING
          : null;
      if (kind == null) {
        throw new MappingException(where(f) + " is an @Id of type " + t.getSimpleName()
            + "; use Long, long or String");
      }
      id = new KeyPart(slot, kind, null);
      return;
    }
    if (f.isAnnotationPresent(Parent.class)) {
      if (parent != null) {
        throw new MappingException(model + " has two @Parent fields");
      }
      parent = parentPart(f, slot);
      return;
    }
    if (f.isAnnotationPresent(Unmapped.class)) {
      if (unmapped != null || !isValueMap(f.getGenericType())) {
        throw new MappingException(where(f) + ": @Unmapped needs one Map<String, Value> field");
      }
      unmapped = slot;
      return;
    }
    properties.add(property(f, slot));
  }

  private KeyPart parentPart(Field f, Slot slot) {
    if (f.getType() == Key.class) {
      return new KeyPart(slot, KeyPart.Kind.KEY, null);
    }
    if (f.getGenericType() instanceof ParameterizedType p && p.getRawType() == Ref.class
        && p.getActualTypeArguments()[0] instanceof Class<?> target) {
      return new KeyPart(slot, KeyPart.Kind.REF, target);
    }
    throw new MappingException(where(f) + " is a @Parent of type " + f.getGenericType().getTypeName()
        + "; use Key or Ref<ParentClass>");
  }

  private static boolean isValueMap(Type t) {
    return t instanceof ParameterizedType p
        && p.getRawType() == Map.class
        && p.getActualTypeArguments()[0] == String.class
        && p.getActualTypeArguments()[1] == Value.class;
  }

  private PropertyMapping property(Field f, Slot slot) {
    Property options = f.getAnnotation(Property.class);
    String name = options == null || options.name().isEmpty() ? f.getName() : options.name();
    try {
      Entity.validatePropertyName(name);
    } catch (RuntimeException e) {
      throw new MappingException(where(f) + ": " + e.getMessage(), e);
    }
    for (PropertyMapping p : properties) {
      if (p.name.equals(name)) {
        throw new MappingException(model + "." + p.field() + " and " + where(f)
            + " are both stored as '" + name + "'");
      }
    }
    Types.Resolved r = Types.resolve(f.getGenericType(), where(f));
    if (r.codec() instanceof EmbeddedCodec e && !IN_PROGRESS.get().contains(e.type())) {
      e.mapping(); // surfaces the embedded class's mapping errors now
    }
    AlsoLoad also = f.getAnnotation(AlsoLoad.class);
    return new PropertyMapping(
        model,
        slot,
        name,
        also == null ? new String[0] : also.value(),
        r.codec(),
        r.collection(),
        slot.primitiveZero,
        indexed(f, r.codec()),
        options != null && options.required(),
        options == null || options.defaultValue().isEmpty() ? null
            : parse(f, r, options.defaultValue(), "default value"),
        choices(f, r, options),
        validator(f, options));
  }

  private boolean indexed(Field f, Codec codec) {
    boolean index = f.isAnnotationPresent(Index.class);
    boolean unindex = f.isAnnotationPresent(Unindex.class);
    if (index && unindex) {
      throw new MappingException(where(f) + " is both @Index and @Unindex");
    }
    if (codec.neverIndexed()) {
      if (index) {
        throw new MappingException(where(f) + " is Text, which is never indexed; use String");
      }
      return false;
    }
    if (index || unindex) {
      return index;
    }
    if (!codec.indexedByDefault()) {
      return false;
    }
    Class<?> declaring = f.getDeclaringClass();
    return !declaring.isAnnotationPresent(Unindex.class);
  }

  private Object parse(Field f, Types.Resolved r, String text, String what) {
    if (r.collection() != null) {
      if (what.equals("default value")) {
        throw new MappingException(where(f) + ": a collection has no default value");
      }
    }
    Object v;
    try {
      v = r.codec().parse(text);
    } catch (RuntimeException e) {
      throw new MappingException(where(f) + ": " + what + " '" + text + "' is not a "
          + r.codec().typeName() + " (" + e.getMessage() + ")", e);
    }
    if (v == null) {
      throw new MappingException(where(f) + ": a " + r.codec().typeName()
          + " field cannot have a " + what);
    }
    return v;
  }

  private List<Object> choices(Field f, Types.Resolved r, Property options) {
    if (options == null || options.choices().length == 0) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (String c : options.choices()) {
      out.add(parse(f, r, c, "choice"));
    }
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  private Validator<Object> validator(Field f, Property options) {
    if (options == null || options.validator() == Validator.None.class) {
      return null;
    }
    Class<?> v = options.validator();
    try {
      Constructor<?> c = v.getDeclaredConstructor();
      MethodHandle h = Access.lookup(v).unreflectConstructor(c);
      return (Validator<Object>) h.invoke();
    } catch (NoSuchMethodException e) {
      throw new MappingException(where(f) + ": validator " + v.getName()
          + " needs a no-argument constructor", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException(where(f) + ": validator " + v.getName()
          + " could not be constructed", t);
    }
  }

  private MethodHandle[] callbacks(Class<? extends java.lang.annotation.Annotation> marker) {
    Map<String, MethodHandle> byName = new LinkedHashMap<>();
    List<Class<?>> classes = record ? List.of(type) : hierarchy();
    for (Class<?> c : classes) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(marker)) {
          continue;
        }
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
          throw new MappingException(model + "." + m.getName() + "(): an @"
              + marker.getSimpleName() + " method takes no arguments and is not static");
        }
        try {
          MethodHandle h = (c == type ? lookup : Access.lookup(c)).unreflect(m);
          h = h.type().returnType() == void.class ? h : h.asType(h.type().changeReturnType(void.class));
          String key = Modifier.isPrivate(m.getModifiers()) ? c.getName() + "#" + m.getName()
              : m.getName();
          // An override (dispatched virtually anyway) runs once, in its superclass's place.
          byName.put(key, h.asType(CALLBACK));
        } catch (IllegalAccessException e) {
          throw new MappingException("cannot access " + model + "." + m.getName() + "()", e);
        }
      }
    }
    return byName.values().toArray(new MethodHandle[0]);
  }

  private MethodHandle constructor() {
    try {
      if (record) {
        Class<?>[] params = new Class<?>[components.length];
        RecordComponent[] rc = type.getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
          params[i] = rc[i].getType();
        }
        MethodHandle h = lookup.unreflectConstructor(type.getDeclaredConstructor(params));
        return h.asSpreader(Object[].class, params.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
      }
      MethodHandle h = lookup.unreflectConstructor(type.getDeclaredConstructor());
      return h.asType(MethodType.methodType(Object.class));
    } catch (NoSuchMethodException e) {
      throw new MappingException(model + " needs a constructor without arguments (any"
          + " visibility) to be loaded", e);
    } catch (IllegalAccessException e) {
      throw new MappingException("cannot access the constructor of " + model, e);
    }
  }
}
