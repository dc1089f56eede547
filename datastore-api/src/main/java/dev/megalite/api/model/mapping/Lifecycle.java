package dev.megalite.api.model.mapping;

import dev.megalite.api.model.MappingException;
import java.lang.invoke.MethodHandle;

/** Runs {@code @OnSave} / {@code @OnLoad} methods. */
final class Lifecycle {
  private Lifecycle() {}

  /** Calls each {@code (Object)void} handle on {@code instance}; their exceptions pass through. */
  static void run(MethodHandle[] methods, Object instance, Class<?> type) {
    for (MethodHandle m : methods) {
      try {
        m.invokeExact(instance);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new MappingException("a lifecycle method of " + type.getName() + " failed", t);
      }
    }
  }
}
