package dev.megalite.api.model.mapping;

import dev.megalite.api.model.MappingException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Private access to model classes. {@link MethodHandles#privateLookupIn} works for every class on
 * the class path and in packages opened to this module; a class in a closed package hands over its
 * own lookup instead ({@code Models.grantAccess(MethodHandles.lookup())}).
 */
public final class Access {
  private static final Map<Class<?>, Lookup> GRANTED = new ConcurrentHashMap<>();

  private Access() {}

  /**
   * Registers {@code lookup}, which must have private access to its lookup class, for mapping that
   * class (and its nested classes).
   */
  public static void grant(Lookup lookup) {
    if ((lookup.lookupModes() & Lookup.PRIVATE) == 0) {
      throw new MappingException(
          "the lookup of " + lookup.lookupClass().getName() + " has no private access; pass"
              + " MethodHandles.lookup() from inside the class");
    }
    GRANTED.put(lookup.lookupClass(), lookup);
  }

  static Lookup lookup(Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (IllegalAccessException | SecurityException e) {
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        Lookup granted = GRANTED.get(c);
        if (granted != null) {
          try {
            return MethodHandles.privateLookupIn(type, granted);
          } catch (IllegalAccessException e2) {
            break;
          }
        }
      }
      throw new MappingException(
          "cannot access " + type.getName() + ": open its package to the model layer, or call"
              + " Models.grantAccess(MethodHandles.lookup()) from the class before using it",
          e);
    }
  }
}
