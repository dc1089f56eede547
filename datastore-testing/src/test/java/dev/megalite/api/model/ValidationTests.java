package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.Key;
import dev.megalite.api.query.Query;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Property options (required, default, choices, validator) and what a failed check leaves. */
abstract class ValidationTests {

  enum Level {
    JUNIOR,
    SENIOR,
    PRINCIPAL
  }

  static final class NotNegative implements Validator<Long> {
    @Override
    public String check(Long value) {
      return value < 0 ? "is negative" : null;
    }
  }

  static final class LowerCase implements Validator<String> {
    @Override
    public String check(String value) {
      return value.equals(value.toLowerCase(java.util.Locale.ROOT)) ? null : "is not lower case";
    }
  }

  @dev.megalite.api.model.Entity
  static class Employee {
    @Id Long id;

    @Property(required = true)
    String name;

    @Property(required = true, choices = {"executive", "manager", "producer"})
    String role;

    @Property(defaultValue = "2000-01-01")
    LocalDate hireDate;

    @Property(validator = NotNegative.class)
    Long salary;

    @Property(choices = {"JUNIOR", "SENIOR"}, defaultValue = "JUNIOR")
    Level level;

    @Property(validator = LowerCase.class)
    List<String> tags;

    @Property(required = true)
    List<String> teams = List.of("core");

    String bio;

    @Unindex String longBio;

    Text notes;

    Employee() {}

    Employee(String name, String role) {
      this.name = name;
      this.role = role;
    }
  }

  @dev.megalite.api.model.Entity
  static class Slug {
    @Id Long id;
    String title;

    @Property(required = true)
    String slug;

    @OnSave
    void deriveSlug() {
      if (slug == null && title != null) {
        slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
      }
    }
  }

  @dev.megalite.api.model.Entity
  static class BadDefault {
    @Id Long id;

    @Property(defaultValue = "many")
    int count;
  }

  @dev.megalite.api.model.Entity
  static class BadChoice {
    @Id Long id;

    @Property(choices = {"JUNIOR", "BOSS"})
    Level level;
  }

  private static long stored(Datastore ds) {
    long n = 0;
    try (var r = ds.run(Query.newBuilder("Employee").keysOnly().build())) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  @Test
  void aValueOutsideTheChoicesFailsNamingClassFieldValueAndChoices(Datastore ds) {
    Employee e = new Employee("Ann", "boss");

    assertThatThrownBy(() -> Models.put(e))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Employee.role: 'boss' is not one of [executive, manager, producer]")
        .satisfies(x -> {
          ValidationException v = (ValidationException) x;
          assertThat(v.modelClass()).isEqualTo("Employee");
          assertThat(v.field()).isEqualTo("role");
          assertThat(v.value()).isEqualTo("'boss'");
          assertThat(v.rule()).isEqualTo("is not one of [executive, manager, producer]");
        });
    assertThat(stored(ds)).isZero();
    assertThat(e.id).isNull();
  }

  @Test
  void aRequiredPropertyMustBePresentAndNotEmpty(Datastore ds) {
    assertThatThrownBy(() -> Models.put(new Employee(null, "manager")))
        .hasMessage("Employee.name: null is missing, but the property is required");
    assertThatThrownBy(() -> Models.put(new Employee("", "manager")))
        .hasMessage("Employee.name: '' is empty, but the property is required");
    Employee noTeams = new Employee("Ann", "manager");
    noTeams.teams = List.of();
    assertThatThrownBy(() -> Models.put(noTeams))
        .hasMessage("Employee.teams: [] is empty, but the property is required");
    assertThat(stored(ds)).isZero();
  }

  @Test
  void aValidatorsRuleIsTheMessage(Datastore ds) {
    Employee e = new Employee("Ann", "manager");
    e.salary = -5L;

    assertThatThrownBy(() -> Models.put(e)).hasMessage("Employee.salary: -5 is negative");
    assertThat(stored(ds)).isZero();
  }

  @Test
  void aValidatorChecksEveryElementOfACollection() {
    Employee e = new Employee("Ann", "manager");
    e.tags = List.of("ok", "NotOk");

    assertThatThrownBy(() -> Models.put(e)).hasMessage("Employee.tags: 'NotOk' is not lower case");
  }

  @Test
  void enumChoicesAreCheckedToo() {
    Employee e = new Employee("Ann", "manager");
    e.level = Level.PRINCIPAL;

    assertThatThrownBy(() -> Models.put(e))
        .hasMessage("Employee.level: PRINCIPAL is not one of [JUNIOR, SENIOR]");
  }

  @Test
  void defaultValuesFillNullFieldsOnPutAndMissingPropertiesOnLoad(Datastore ds) {
    Employee e = new Employee("Ann", "manager");

    Models.put(e);
    ds.put(dev.megalite.api.Entity.newBuilder(Key.of(ds.projectId(), "Employee", 99))
        .set("name", "Old")
        .set("role", "producer")
        .build());
    Employee old = Models.get(Employee.class, 99);

    assertThat(e.hireDate).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(e.level).isEqualTo(Level.JUNIOR);
    assertThat(ds.get(Models.ref(e).key()).getString("level")).isEqualTo("JUNIOR");
    assertThat(old.hireDate).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(old.level).isEqualTo(Level.JUNIOR);
  }

  @Test
  void anIndexedStringIsLimitedTo1500BytesButTextAndUnindexedStringsAreNot(Datastore ds) {
    Employee e = new Employee("Ann", "manager");
    e.bio = "é".repeat(751);

    assertThatThrownBy(() -> Models.put(e))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Employee.bio: 'éééé")
        .hasMessageEndingWith("is 1,502 bytes long; indexed values are limited to 1,500 bytes"
            + " (use Text, or @Unindex)");

    e.bio = "short";
    e.longBio = "x".repeat(10_000);
    e.notes = Text.of("y".repeat(10_000));
    Models.put(e);
    assertThat(Models.get(Employee.class, e.id).notes.length()).isEqualTo(10_000);
  }

  @Test
  void aBatchWithOneInvalidEntityWritesNothing(Datastore ds) {
    List<Employee> batch = List.of(
        new Employee("A", "manager"), new Employee("B", "janitor"), new Employee("C", "producer"));

    assertThatThrownBy(() -> Models.putAll(batch))
        .hasMessage("Employee.role: 'janitor' is not one of [executive, manager, producer]");
    assertThat(stored(ds)).isZero();
  }

  @Test
  void onSaveMethodsRunBeforeValidationSoTheyCanFillRequiredFields() {
    Slug titled = new Slug();
    titled.title = "Hello World";

    Models.put(titled);

    assertThat(Models.get(Slug.class, titled.id).slug).isEqualTo("hello-world");
    assertThatThrownBy(() -> Models.put(new Slug()))
        .hasMessage("Slug.slug: null is missing, but the property is required");
  }

  @Test
  void aNegativeIdIsRefused() {
    Employee e = new Employee("A", "manager");
    e.id = -1L;

    assertThatThrownBy(() -> Models.put(e))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Employee.id: -1 is negative; ids are positive (0 or null to allocate one)");
  }

  @Test
  void aDefaultOrChoiceThatDoesNotParseIsAMappingErrorNamingTheField() {
    assertThatThrownBy(() -> Models.put(new BadDefault()))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("BadDefault.count: default value 'many' is not a int");
    assertThatThrownBy(() -> Models.put(new BadChoice()))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("BadChoice.level: choice 'BOSS' is not a Level");
  }
}
