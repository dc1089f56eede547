package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.BadRequestException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** put, get, delete, keys and ids of model instances and records. */
abstract class ModelCrudTests {

  @dev.megalite.api.model.Entity
  static class Employee extends Model<Employee> {
    @Id Long id;
    String name;
    String role;
    LocalDate hireDate;

    Employee() {}

    Employee(String name, String role) {
      this.name = name;
      this.role = role;
    }

    static Employee get(long id) {
      return Models.get(Employee.class, id);
    }
  }

  @dev.megalite.api.model.Entity
  static class Company {
    @Id String name;
    String city;

    Company() {}

    Company(String name, String city) {
      this.name = name;
      this.city = city;
    }
  }

  @dev.megalite.api.model.Entity("Dept")
  static class Department {
    @Id long id;
    @Parent Ref<Company> company;
    String title;
  }

  @dev.megalite.api.model.Entity
  record Greeting(@Id Long id, @Parent Key book, String text) {}

  static class NotAnEntity {
    String x;
  }

  @Test
  void putAllocatesAnIdAndGetLoadsTheSameValues(Datastore ds) {
    Employee e = new Employee("Ann", "manager");
    e.hireDate = LocalDate.of(2020, 3, 1);

    Ref<Employee> ref = e.put();

    assertThat(e.id).isPositive();
    assertThat(ref.key()).isEqualTo(Key.of(ds.projectId(), "Employee", e.id));
    Employee loaded = Employee.get(e.id);
    assertThat(loaded).isNotSameAs(e);
    assertThat(loaded.id).isEqualTo(e.id);
    assertThat(loaded.name).isEqualTo("Ann");
    assertThat(loaded.role).isEqualTo("manager");
    assertThat(loaded.hireDate).isEqualTo(LocalDate.of(2020, 3, 1));
    assertThat(ref.get().name).isEqualTo("Ann");
  }

  @Test
  void putWithAnIdStoresUnderThatIdAndReplacesWhatWasThere(Datastore ds) {
    Employee e = new Employee("Bob", "producer");
    e.id = 42L;
    e.put();
    e.role = "executive";
    e.put();

    assertThat(ds.get(Key.of(ds.projectId(), "Employee", 42)).getString("role"))
        .isEqualTo("executive");
    assertThat(Employee.get(42).role).isEqualTo("executive");
  }

  @Test
  void stringIdNamesTheEntity(Datastore ds) {
    Models.put(new Company("acme", "Springfield"));

    assertThat(ds.get(Key.of(ds.projectId(), "Company", "acme")).getString("city"))
        .isEqualTo("Springfield");
    assertThat(Models.get(Company.class, "acme").city).isEqualTo("Springfield");
  }

  @Test
  void aStringIdMustBeSetBeforePut(Datastore ds) {
    assertThatThrownBy(() -> Models.put(new Company(null, "Nowhere")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Company.name: null is missing, but a String @Id names the entity and must be"
            + " set before put");
  }

  @Test
  void aPrimitiveLongIdOfZeroIsAllocatedAndTheKindComesFromTheAnnotation(Datastore ds) {
    Company acme = Models.put(new Company("acme", "Springfield"));
    Department d = new Department();
    d.company = Models.ref(acme);
    d.title = "Sales";

    Models.put(d);

    assertThat(d.id).isPositive();
    Key key = Key.of(ds.projectId(), "Company", "acme").child("Dept", d.id);
    assertThat(ds.get(key).getString("title")).isEqualTo("Sales");
  }

  @Test
  void aParentPutsTheEntityInItsParentsGroupAndTheTypedKeyNavigatesBack(Datastore ds) {
    Ref<Company> acme = Models.ref(Models.put(new Company("acme", "Springfield")));
    Department d = new Department();
    d.company = acme;
    d.title = "Research";
    Models.put(d);

    Ref<Department> ref = Models.ref(d);
    Department loaded = ref.get();

    assertThat(ref.rootKey()).isEqualTo(acme.key());
    assertThat(ref.parent(Company.class)).isEqualTo(acme);
    assertThat(ref.parent(Company.class).get().city).isEqualTo("Springfield");
    assertThat(loaded.company).isEqualTo(acme);
    assertThat(acme.child(Department.class, d.id)).isEqualTo(ref);
    assertThat(Models.query(Department.class).ancestor(acme).fetch())
        .extracting(x -> x.title)
        .containsExactly("Research");
  }

  @Test
  void aTypedKeyOfTheWrongKindIsRefused(Datastore ds) {
    Key companyKey = Key.of(ds.projectId(), "Company", "acme");

    assertThatThrownBy(() -> Ref.of(Employee.class, companyKey))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("is of kind 'Company', not 'Employee'");
    assertThatThrownBy(() -> Ref.of(Department.class, companyKey.child("Dept", 1)).parent(
            Employee.class))
        .hasMessageContaining("not 'Employee'");
  }

  @Test
  void aTypedKeyRoundTripsThroughItsUrlSafeForm() {
    Ref<Employee> ref = Ref.of(Employee.class, 7);

    assertThat(Ref.fromUrlSafe(Employee.class, ref.toUrlSafe())).isEqualTo(ref);
    assertThat(ref.id()).isEqualTo(7);
    assertThat(ref.kind()).isEqualTo("Employee");
    assertThat(ref.toString()).isEqualTo("Ref<Employee>(Employee:7)");
  }

  @Test
  void getOfAnAbsentEntityIsNull() {
    assertThat(Employee.get(12345)).isNull();
    assertThat(Models.get(Company.class, "nobody")).isNull();
  }

  @Test
  void deleteRemovesTheEntityGivenAsInstanceRefOrKey(Datastore ds) {
    Employee a = new Employee("A", "manager");
    Employee b = new Employee("B", "manager");
    Employee c = new Employee("C", "manager");
    Ref<Employee> ra = a.put();
    Ref<Employee> rb = b.put();
    Ref<Employee> rc = c.put();

    a.delete();
    Models.delete(rb);
    Models.delete(rc.key());

    assertThat(Models.getAll(List.of(ra, rb, rc))).containsExactly(null, null, null);
    assertThat(Models.query(Employee.class).count()).isZero();
  }

  @Test
  void batchPutGetAndDeleteEachTakeOneCall(Datastore ds) {
    List<Employee> stored = Models.putAll(List.of(
        new Employee("A", "manager"), new Employee("B", "producer"), new Employee("C", "manager")));
    List<Ref<Employee>> refs = stored.stream().map(Models::ref).toList();
    Ref<Employee> missing = Ref.of(Employee.class, 999_999);

    List<Employee> loaded = Models.getAll(Arrays.asList(refs.get(2), missing, refs.get(0)));

    assertThat(stored).allSatisfy(e -> assertThat(e.id).isPositive());
    assertThat(loaded.get(0).name).isEqualTo("C");
    assertThat(loaded.get(1)).isNull();
    assertThat(loaded.get(2).name).isEqualTo("A");

    Models.deleteAll(stored);
    assertThat(Models.getAll(refs)).containsOnlyNulls();
  }

  @Test
  void aBatchMayMixClassesAndRecords(Datastore ds) {
    Key book = Key.of(ds.projectId(), "Book", "main");
    List<Object> stored = Models.putAll(List.<Object>of(
        new Company("acme", "Springfield"), new Greeting(null, book, "hello")));

    assertThat(stored.get(0)).isInstanceOf(Company.class);
    assertThat(((Greeting) stored.get(1)).id()).isPositive();
  }

  @Test
  void recordsAreEntitiesAndPutReturnsACopyWithTheAllocatedId(Datastore ds) {
    Key book = Key.of(ds.projectId(), "Book", "main");
    Greeting unsaved = new Greeting(null, book, "hello");

    Greeting saved = Models.put(unsaved);

    assertThat(unsaved.id()).isNull();
    assertThat(saved.id()).isPositive();
    assertThat(saved.text()).isEqualTo("hello");
    Ref<Greeting> ref = Models.ref(saved);
    assertThat(ref.key()).isEqualTo(book.child("Greeting", saved.id()));
    assertThat(ref.get()).isEqualTo(saved);
  }

  @Test
  void theRefOfAnUnsavedInstanceIsRefused() {
    assertThatThrownBy(() -> new Employee("A", "manager").ref())
        .isInstanceOf(BadRequestException.class)
        .hasMessage("this Employee has no id yet: put it first");
  }

  @Test
  void aClassWithoutEntityAnnotationCannotBePut() {
    assertThatThrownBy(() -> Models.put(new NotAnEntity()))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("is not an entity: annotate it with @Entity");
  }

  @Test
  void toEntityAndFromEntityConvertWithoutStoring(Datastore ds) {
    Employee e = new Employee("Ann", "manager");
    e.id = 5L;

    Entity entity = Models.toEntity(e);
    Employee back = Models.fromEntity(Employee.class, entity);

    assertThat(entity.key()).isEqualTo(Key.of(ds.projectId(), "Employee", 5));
    assertThat(entity.properties().keySet()).containsExactly("name", "role", "hireDate");
    assertThat(back.name).isEqualTo("Ann");
    assertThat(ds.get(Key.of(ds.projectId(), "Employee", 5))).isNull();
  }

  @Test
  void theKindOfAClassIsItsAnnotationOrItsSimpleName() {
    assertThat(Models.kind(Department.class)).isEqualTo("Dept");
    assertThat(Models.kind(Employee.class)).isEqualTo("Employee");
    assertThat(Models.kind(Greeting.class)).isEqualTo("Greeting");
  }
}
