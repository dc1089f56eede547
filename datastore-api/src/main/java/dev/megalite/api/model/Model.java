package dev.megalite.api.model;

/**
 * An optional base class for entity classes, for App Engine's {@code db.Model} style: {@code
 * employee.put()}, {@code employee.delete()}, {@code employee.ref()}. It holds no state of its
 * own; everything goes through {@link Models} (and joins the current transaction).
 *
 * <pre>{@code
 * @Entity
 * public class Employee extends Model<Employee> {
 *   @Id Long id;
 *   @Property(required = true) String name;
 *
 *   public static Employee get(long id) {
 *     return Models.get(Employee.class, id);
 *   }
 * }
 * }</pre>
 *
 * @param <T> the subclass itself
 */
public abstract class Model<T extends Model<T>> {

  protected Model() {}

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /**
   * Validates and stores this entity (allocating its id when it has none) and returns its key.
   *
   * @throws ValidationException when a value breaks a rule; nothing is written
   */
  public Ref<T> put() {
    return Models.putForRef(self());
  }

  /** Deletes this entity. */
  public void delete() {
    Models.delete(this);
  }

  /** This entity's typed key; fails while its id is still to be allocated. */
  public Ref<T> ref() {
    return Models.ref(self());
  }
}
