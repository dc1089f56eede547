package dev.megalite.api.model;

/**
 * A check of a property value, named by {@link Property#validator()}. Implementations need a
 * no-argument constructor (any visibility) and must be thread-safe; one instance serves every
 * put.
 *
 * @param <T> the field's type (for a collection, its element type)
 */
@FunctionalInterface
public interface Validator<T> {

  /**
   * Null when {@code value} is acceptable; otherwise the rule it breaks, phrased to follow the
   * value in a message such as {@code Employee.salary: -5 is negative} (here {@code "is
   * negative"}).
   */
  String check(T value);

  /** The default of {@link Property#validator()}: accepts everything. */
  final class None implements Validator<Object> {
    @Override
    public String check(Object value) {
      return null;
    }
  }
}
