package dev.megalite.examples;

import dev.megalite.api.model.Entity;
import dev.megalite.api.model.GqlQuery;
import dev.megalite.api.model.Id;
import dev.megalite.api.model.Model;
import dev.megalite.api.model.Models;
import dev.megalite.api.model.Property;
import dev.megalite.api.model.Unindex;
import dev.megalite.api.model.ValidationException;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code Employee} model of App Engine's datastore documentation, written with the model
 * layer: required properties, a property with choices, a hire date and an unindexed training flag;
 * {@code put()}, a {@code GqlQuery} with {@code IN}, and the result printed as a table.
 *
 * <pre>{@code
 * class Employee(db.Model):
 *   name = db.StringProperty(required=True)
 *   role = db.StringProperty(required=True, choices=set(["executive", "manager", "producer"]))
 *   hire_date = db.DateProperty()
 *   new_hire_training_completed = db.BooleanProperty(indexed=False)
 *   email = db.StringProperty()
 * }</pre>
 */
public final class EmployeeModelExample {

  /** The documentation's model, one field per property. */
  @Entity
  public static class Employee extends Model<Employee> {
    @Id Long id;

    @Property(required = true)
    String name;

    @Property(required = true, choices = {"executive", "manager", "producer"})
    String role;

    LocalDate hireDate;

    @Unindex boolean newHireTrainingCompleted;

    String email;

    Employee() {}

    Employee(String name, String role, String email, LocalDate hireDate) {
      this.name = name;
      this.role = role;
      this.email = email;
      this.hireDate = hireDate;
    }

    /** {@code Employee.get_by_id(id)}. */
    static Employee get(long id) {
      return Models.get(Employee.class, id);
    }
  }

  private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

  private final PrintStream out;

  EmployeeModelExample(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    Path dir = Path.of(ExampleArgs.value(args, "--data-dir", "data/employee-model"));
    MegaliteDatastore ds = Megalite.openDefault(dir);
    try {
      System.out.println("Megalite example: App Engine's Employee model in " + dir.toAbsolutePath());
      new EmployeeModelExample(System.out).run();
    } finally {
      ds.close();
    }
  }

  void run() {
    GqlQuery<Employee> hired =
        GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE hireDate >= :1", EPOCH);
    long before = hired.count();
    out.println("employees already stored: " + before);
    if (before == 0) {
      hire();
    }

    section("a put that breaks a rule writes nothing");
    try {
      new Employee("Pointy Hair", "boss", "phb@example.com", LocalDate.of(2020, 1, 1)).put();
    } catch (ValidationException e) {
      out.println("  " + e.getMessage());
    }

    section("new hires who registered for training (GqlQuery with IN)");
    List<String> registered = List.of("alfred.smith@example.com", "jane.doe@example.com");
    for (Employee e : GqlQuery.of(Employee.class,
        "SELECT * FROM Employee WHERE email IN :1", registered)) {
      e.newHireTrainingCompleted = true;
      e.put();
      out.println("  trained: " + e.name);
    }

    section("all employees by hire date");
    table(GqlQuery.of(Employee.class,
        "SELECT * FROM Employee WHERE hireDate >= :1 ORDER BY hireDate", EPOCH).fetch(100));

    section("hired since 2021, newest first");
    table(GqlQuery.of(Employee.class,
        "SELECT * FROM Employee WHERE hireDate >= :1 ORDER BY hireDate DESC",
        LocalDate.of(2021, 1, 1)).fetch(100));

    Employee jane = Models.query(Employee.class).filter("email", "jane.doe@example.com").first();
    out.println();
    out.println("Employee.get(" + jane.id + ").name = " + Employee.get(jane.id).name);
    out.println("employees stored: " + hired.count());
  }

  private void hire() {
    List<Employee> staff = List.of(
        new Employee("John Smith", "manager", "john.smith@example.com", LocalDate.of(2019, 4, 1)),
        new Employee("Alfred Smith", "producer", "alfred.smith@example.com",
            LocalDate.of(2023, 9, 18)),
        new Employee("Jane Doe", "executive", "jane.doe@example.com", LocalDate.of(2021, 6, 7)),
        new Employee("Ruth Lee", "manager", "ruth.lee@example.com", LocalDate.of(2022, 2, 14)));
    for (Employee e : staff) {
      e.put();
    }
    out.println("hired " + staff.size() + " employees");
  }

  private void table(List<Employee> employees) {
    out.printf("  %-14s %-10s %-11s %-8s %s%n", "name", "role", "hired", "trained", "email");
    for (Employee e : employees) {
      out.printf("  %-14s %-10s %-11s %-8s %s%n", e.name, e.role, e.hireDate,
          e.newHireTrainingCompleted ? "yes" : "no", e.email);
    }
  }

  private void section(String title) {
    out.println();
    out.println("== " + title);
  }
}
