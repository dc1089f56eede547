package dev.megalite.api.model.mapping;

import dev.megalite.api.model.MappingException;
import java.lang.invoke.MethodHandle;

/**
 * One field (or record component) of a model class, read and written through method handles
 * compiled once. A record's slot has no setter; records are built through their canonical
 * constructor, with the value at {@link #component()}.
 */
final class Slot {
  private final String name;
  private final MethodHandle getter;
  private final MethodHandle setter;
  private final int component;
  /** For a primitive field, its zero (boxed); null otherwise. */
  final Object primitiveZero;

  /**
   * @param getter {@code (Object)Object}
   * @param setter {@code (Object,Object)void}, or null for a record component
   * @param component the record component index, or -1
   */
  Slot(String name, MethodHandle getter, MethodHandle setter, int component, Object primitiveZero) {
    this.name = name;
    this.getter = getter;
    this.setter = setter;
    this.component = component;
    this.primitiveZero = primitiveZero;
  }

  String name() {
    return name;
  }

  int component() {
    return component;
  }

  Object get(Object instance) {
    try {
      return (Object) getter.invokeExact(instance);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("reading field " + name + " failed", t);
    }
  }

  void set(Object instance, Object value) {
    try {
      setter.invokeExact(instance, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new MappingException("writing field " + name + " failed", t);
    }
  }

  /** Sets the field, or for a record puts the value into the constructor arguments. */
  void store(Object instanceOrArgs, Object value) {
    if (component >= 0) {
      ((Object[]) instanceOrArgs)[component] = value;
    } else {
      set(instanceOrArgs, value);
    }
  }
}
