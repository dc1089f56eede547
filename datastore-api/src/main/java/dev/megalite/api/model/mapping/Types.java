package dev.megalite.api.model.mapping;

import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.model.GeoPt;
import dev.megalite.api.model.MappingException;
import dev.megalite.api.model.Ref;
import dev.megalite.api.model.Text;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Which codec a field's declared type gets, and whether it is a collection. */
final class Types {
  private Types() {}

  private static final Map<Class<?>, Codec> SCALARS =
      Map.ofEntries(
          Map.entry(String.class, Codecs.STRING),
          Map.entry(Text.class, Codecs.TEXT),
          Map.entry(long.class, Codecs.LONG),
          Map.entry(Long.class, Codecs.LONG),
          Map.entry(int.class, Codecs.INT),
          Map.entry(Integer.class, Codecs.INT),
          Map.entry(short.class, Codecs.SHORT),
          Map.entry(Short.class, Codecs.SHORT),
          Map.entry(byte.class, Codecs.BYTE),
          Map.entry(Byte.class, Codecs.BYTE),
          Map.entry(double.class, Codecs.DOUBLE),
          Map.entry(Double.class, Codecs.DOUBLE),
          Map.entry(float.class, Codecs.FLOAT),
          Map.entry(Float.class, Codecs.FLOAT),
          Map.entry(boolean.class, Codecs.BOOLEAN),
          Map.entry(Boolean.class, Codecs.BOOLEAN),
          Map.entry(byte[].class, Codecs.BYTES),
          Map.entry(Instant.class, Codecs.INSTANT),
          Map.entry(Date.class, Codecs.DATE),
          Map.entry(LocalDate.class, Codecs.LOCAL_DATE),
          Map.entry(LocalDateTime.class, Codecs.LOCAL_DATE_TIME),
          Map.entry(BigDecimal.class, Codecs.BIG_DECIMAL),
          Map.entry(Key.class, Codecs.KEY),
          Map.entry(GeoPt.class, Codecs.GEO_PT),
          Map.entry(Value.class, Codecs.VALUE));

  /** A field's codec and, for a collection, how to make an empty one. */
  record Resolved(Codec codec, Supplier<Collection<Object>> collection) {}

  /**
   * @param where "Employee.role", for messages
   */
  static Resolved resolve(Type type, String where) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      return new Resolved(element(p.getActualTypeArguments()[0], where), collection(raw, where));
    }
    if (type instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
      throw new MappingException(where + " is a raw " + c.getSimpleName()
          + "; give it an element type, e.g. List<String>");
    }
    return new Resolved(element(type, where), null);
  }

  private static Codec element(Type type, String where) {
    if (type instanceof WildcardType w) {
      return element(w.getUpperBounds()[0], where);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Ref.class) {
      Type target = p.getActualTypeArguments()[0];
      if (!(target instanceof Class<?> c)) {
        throw new MappingException(where + " is " + type.getTypeName()
            + "; a Ref needs a class as its type argument (use Key for any kind)");
      }
      return Codecs.ref(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      throw new MappingException(where + " is " + type.getTypeName()
          + "; collections do not nest (lists of lists cannot be stored)");
    }
    Class<?> c = type instanceof Class<?> k ? k
        : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw
        : null;
    if (c == null) {
      throw new MappingException(where + " has type " + type.getTypeName()
          + ", which cannot be stored");
    }
    Codec scalar = SCALARS.get(c);
    if (scalar != null) {
      return scalar;
    }
    if (c.isEnum()) {
      return enumCodec(c);
    }
    if (c == Ref.class) {
      throw new MappingException(where + " is a raw Ref; give it a type argument, e.g. Ref<Employee>");
    }
    if (Collection.class.isAssignableFrom(c)) {
      throw new MappingException(where + " is a collection of collections, which cannot be stored");
    }
    if (Map.class.isAssignableFrom(c)) {
      throw new MappingException(where + " is a Map, which cannot be stored; use an embedded class");
    }
    if (c.isArray() || c.isPrimitive() || c.isInterface() || Modifier.isAbstract(c.getModifiers())
        || c.getName().startsWith("java.") || c.getName().startsWith("javax.")
        || c == Object.class) {
      throw new MappingException(where + " has type " + c.getName() + ", which cannot be stored;"
          + " see docs/model.md for the supported types");
    }
    if (type instanceof ParameterizedType) {
      throw new MappingException(where + " has type " + type.getTypeName()
          + "; generic classes cannot be embedded");
    }
    return new EmbeddedCodec(c);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Codec enumCodec(Class<?> c) {
    return Codecs.enumCodec((Class) c);
  }

  private static Supplier<Collection<Object>> collection(Class<?> raw, String where) {
    if (raw == List.class || raw == Collection.class || raw == ArrayList.class) {
      return ArrayList::new;
    }
    if (raw == LinkedList.class) {
      return LinkedList::new;
    }
    if (raw == Set.class || raw == LinkedHashSet.class) {
      return LinkedHashSet::new;
    }
    if (raw == HashSet.class) {
      return HashSet::new;
    }
    if (raw == SortedSet.class || raw == NavigableSet.class || raw == TreeSet.class) {
      return TreeSet::new;
    }
    throw new MappingException(where + " is a " + raw.getSimpleName()
        + "; use List, Set, SortedSet or Collection (or ArrayList, LinkedList, HashSet,"
        + " LinkedHashSet, TreeSet)");
  }
}
