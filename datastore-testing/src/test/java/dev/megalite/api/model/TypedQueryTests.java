package dev.megalite.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Datastore;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed GQL queries and the fluent query builder. */
abstract class TypedQueryTests {

  enum Role {
    EXECUTIVE,
    MANAGER,
    PRODUCER
  }

  @dev.megalite.api.model.Entity
  static class Team {
    @Id String name;

    Team() {}

    Team(String name) {
      this.name = name;
    }
  }

  @dev.megalite.api.model.Entity
  static class Employee {
    @Id Long id;
    @Parent Ref<Team> team;
    String name;
    Role role;
    long salary;
    @Property(name = "hired") LocalDate hireDate;
    BigDecimal bonus;
    List<String> skills;

    Employee() {}

    Employee(Ref<Team> team, int i) {
      this.team = team;
      this.id = (long) i;
      this.name = String.format("e%02d", i);
      this.role = Role.values()[i % 3];
      this.salary = 1000L * i;
      this.hireDate = LocalDate.of(2000 + i, 1, 1);
      this.bonus = new BigDecimal(i).movePointLeft(1);
      this.skills = i % 2 == 0 ? List.of("java", "sql") : List.of("go");
    }
  }

  @dev.megalite.api.model.Entity
  static class Other {
    @Id Long id;
  }

  private Ref<Team> red;
  private Ref<Team> blue;

  @BeforeEach
  void twentyFiveEmployeesInTwoTeams() {
    red = Models.ref(Models.put(new Team("red")));
    blue = Models.ref(Models.put(new Team("blue")));
    List<Employee> all = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      all.add(new Employee(i <= 10 ? red : blue, i));
    }
    Models.putAll(all);
  }

  private static List<String> names(List<Employee> list) {
    return list.stream().map(e -> e.name).toList();
  }

  @Test
  void aGqlQueryWithPositionalBindingsReturnsTypedEntities() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class,
        "SELECT * FROM Employee WHERE role = :1 AND skills = :2", Role.MANAGER, "java");

    List<Employee> managers = q.fetch(100);

    assertThat(names(managers)).containsExactly("e16", "e22", "e04", "e10");
    assertThat(managers).allSatisfy(e -> assertThat(e.role).isEqualTo(Role.MANAGER));
  }

  @Test
  void fetchFirstIterationAndCountAgree() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class,
        "SELECT * FROM Employee WHERE salary >= :1 ORDER BY salary DESC", 20_000);
    List<String> iterated = new ArrayList<>();
    for (Employee e : q) {
      iterated.add(e.name);
    }

    assertThat(names(q.fetch(3))).containsExactly("e25", "e24", "e23");
    assertThat(q.first().name).isEqualTo("e25");
    assertThat(iterated).containsExactly("e25", "e24", "e23", "e22", "e21", "e20");
    assertThat(q.count()).isEqualTo(6);
    assertThat(q.fetchAll()).hasSize(6);
  }

  @Test
  void namedBindingsAndModelValuesAreConvertedAsFieldsStoreThem() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class,
            "SELECT * FROM Employee WHERE hired >= :since AND hired < :until")
        .bind("since", LocalDate.of(2020, 1, 1))
        .bind("until", LocalDate.of(2023, 1, 1));

    assertThat(names(q.fetchAll())).containsExactly("e20", "e21", "e22");
    assertThat(GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE bonus = :1",
        new BigDecimal("1.7")).first().name).isEqualTo("e17");
    assertThat(GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE role IN :1",
        List.of(Role.EXECUTIVE, Role.PRODUCER)).count()).isEqualTo(16);
    assertThat(GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE ANCESTOR IS :1", red)
        .count()).isEqualTo(10);
  }

  @Test
  void theCloudDialectWorksToo() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class, GqlDialect.CLOUD,
        "SELECT * FROM Employee WHERE __key__ HAS ANCESTOR @1 AND role = @2", blue, Role.PRODUCER);

    assertThat(names(q.fetchAll())).containsExactly("e11", "e14", "e17", "e20", "e23");
  }

  @Test
  void keysOnlyGivesTypedKeys() {
    List<Ref<Employee>> keys =
        GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE salary < 3000").keys();
    List<Ref<Employee>> keysOnlyText =
        GqlQuery.of(Employee.class, "SELECT __key__ FROM Employee WHERE salary < 3000").keys();

    assertThat(keys).containsExactly(red.child(Employee.class, 1), red.child(Employee.class, 2));
    assertThat(keysOnlyText).isEqualTo(keys);
    assertThat(keys.get(0).get().name).isEqualTo("e01");
  }

  @Test
  void pagesFollowEachOtherThroughCursorsWithoutGapsOrRepeats() {
    GqlQuery<Employee> q =
        GqlQuery.of(Employee.class, "SELECT * FROM Employee ORDER BY salary DESC");
    List<String> seen = new ArrayList<>();
    List<Boolean> more = new ArrayList<>();
    Cursor cursor = null;
    do {
      Page<Employee> page = (cursor == null ? q : q.startAt(cursor)).fetchPage(10);
      seen.addAll(names(page.items()));
      more.add(page.hasMore());
      cursor = page.hasMore() ? page.cursor() : null;
    } while (cursor != null);

    assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith("e25").endsWith("e01");
    assertThat(more).containsExactly(true, true, false);
  }

  @Test
  void aCursorSurvivesItsUrlSafeForm() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class, "SELECT * FROM Employee");
    Page<Employee> first = q.fetchPage(20);

    Page<Employee> rest = q.startAt(Cursor.fromUrlSafe(first.cursor().toUrlSafe())).fetchPage(20);

    assertThat(rest.items()).hasSize(5);
    assertThat(rest.hasMore()).isFalse();
  }

  @Test
  void streamingResultsGiveACursorAfterEachResult() {
    GqlQuery<Employee> q = GqlQuery.of(Employee.class, "SELECT * FROM Employee ORDER BY salary");
    Cursor afterThird;
    try (ModelResults<Employee> r = q.run()) {
      r.next();
      r.next();
      r.next();
      afterThird = r.cursorAfter();
    }

    assertThat(q.startAt(afterThird).first().name).isEqualTo("e04");
  }

  @Test
  void aQueryOfAnotherKindOrAProjectionIsRefused() {
    assertThatThrownBy(() -> GqlQuery.of(Employee.class, "SELECT * FROM Other").fetch(1))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("a query of Employee must select kind 'Employee', not 'Other'");
    assertThatThrownBy(() -> GqlQuery.of(Employee.class, "SELECT name FROM Employee").fetch(1))
        .hasMessageStartingWith("a typed query returns whole entities");
    assertThatThrownBy(() -> GqlQuery.of(Employee.class, "SELECT __key__ FROM Employee").fetch(1))
        .hasMessageStartingWith("this GQL selects keys only; use keys()");
  }

  @Test
  void aGqlSyntaxErrorNamesItsPosition() {
    assertThatThrownBy(() -> GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE").fetch(1))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("at 1:29");
  }

  @Test
  void withoutTheEnginesCompilerGqlStillFetchesAndCountsButCannotResume(Datastore ds) {
    Models.use(ds);
    GqlQuery<Employee> q =
        GqlQuery.of(Employee.class, "SELECT * FROM Employee WHERE role = :1", Role.EXECUTIVE);

    Page<Employee> page = q.fetchPage(3);

    assertThat(names(page.items())).containsExactly("e12", "e15", "e18");
    assertThat(q.count()).isEqualTo(8);
    assertThat(q.keys()).hasSize(8);
    assertThatThrownBy(() -> q.startAt(page.cursor()).fetch(3))
        .hasMessageContaining("needs the engine's GQL compiler");
  }

  @Test
  void theFluentBuilderFiltersSortsAndLimits() {
    List<Employee> found = Models.query(Employee.class)
        .filter("salary >", 5_000)
        .filter("salary <=", 12_000)
        .order("-salary")
        .limit(4)
        .fetch();

    assertThat(names(found)).containsExactly("e12", "e11", "e10", "e09");
  }

  @Test
  void theFluentBuilderSpeaksEveryOperator() {
    ModelQuery<Employee> q = Models.query(Employee.class);

    assertThat(q.filter("role", Role.MANAGER).count()).isEqualTo(9);
    assertThat(q.filter("role =", Role.MANAGER).count()).isEqualTo(9);
    assertThat(q.filter("role !=", Role.MANAGER).count()).isEqualTo(16);
    assertThat(q.filter("role in", List.of(Role.MANAGER, Role.PRODUCER)).count()).isEqualTo(17);
    assertThat(q.filter("role not in", List.of(Role.MANAGER, Role.PRODUCER)).count())
        .isEqualTo(8);
    assertThat(q.filter("salary <", 3_000).count()).isEqualTo(2);
    assertThat(q.filter("salary >=", 24_000).count()).isEqualTo(2);
    assertThat(q.filter("salary", Operator.LESS_THAN_OR_EQUAL, 1_000).count()).isEqualTo(1);
    assertThat(q.filter("skills", "java").filter("role", Role.EXECUTIVE).count()).isEqualTo(4);
    assertThat(q.filter(Filter.or(Filter.eq("name", "e01"), Filter.eq("name", "e02"))).count())
        .isEqualTo(2);
    assertThatThrownBy(() -> q.filter("salary ~", 1))
        .hasMessageContaining("unknown operator '~'");
  }

  @Test
  void theFluentBuilderTranslatesFieldNamesAndFiltersOnKeys() {
    ModelQuery<Employee> q = Models.query(Employee.class);

    assertThat(q.filter("hireDate <", LocalDate.of(2003, 1, 1)).order("hireDate").fetch())
        .extracting(e -> e.name)
        .containsExactly("e01", "e02");
    assertThat(q.filter("__key__", red.child(Employee.class, 3)).first().name).isEqualTo("e03");
    assertThat(q.filter("__key__ >", blue.child(Employee.class, 24)).count()).isEqualTo(11);
  }

  @Test
  void theFluentBuilderPagesWithCursorsAndOffsets() {
    ModelQuery<Employee> q = Models.query(Employee.class).ancestor(blue);

    Page<Employee> first = q.fetchPage(10);
    Page<Employee> second = q.startAt(first.cursor()).fetchPage(10);

    assertThat(names(first.items())).startsWith("e11").endsWith("e20");
    assertThat(first.hasMore()).isTrue();
    assertThat(names(second.items())).containsExactly("e21", "e22", "e23", "e24", "e25");
    assertThat(second.hasMore()).isFalse();
    assertThat(q.offset(13).fetch()).extracting(e -> e.name).containsExactly("e24", "e25");
    assertThat(q.keys()).hasSize(15).allSatisfy(k -> assertThat(k.parentKey()).isEqualTo(
        blue.key()));
  }

  @Test
  void aFilterValueOfTheWrongTypeIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Models.query(Employee.class).filter("salary", "lots"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("a filter on Employee.salary needs a long, not String");
  }
}
