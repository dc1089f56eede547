package dev.megalite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.testing.MegaliteTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MegaliteTest
class EmployeeModelExampleTest {

  @Test
  void exampleHiresValidatesTrainsAndPrintsTheTable() {
    String first = run();
    String second = run();

    assertThat(first)
        .contains("employees already stored: 0")
        .contains("hired 4 employees")
        .contains("Employee.role: 'boss' is not one of [executive, manager, producer]")
        .contains("trained: Alfred Smith")
        .contains("trained: Jane Doe")
        .contains("employees stored: 4");
    assertThat(first.substring(first.indexOf("== all employees")))
        .containsSubsequence("John Smith", "Jane Doe", "Ruth Lee", "Alfred Smith");
    assertThat(first)
        .containsPattern("Jane Doe +executive +2021-06-07 +yes +jane.doe@example.com")
        .containsPattern("John Smith +manager +2019-04-01 +no ");
    assertThat(first.substring(first.indexOf("== hired since 2021")))
        .containsSubsequence("Alfred Smith", "Ruth Lee", "Jane Doe");
    assertThat(second).contains("employees already stored: 4").contains("employees stored: 4");
  }

  @Test
  void mainRunsOnADataDirectory(@TempDir Path dir) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      EmployeeModelExample.main(new String[] {"--data-dir", dir.toString()});
      EmployeeModelExample.main(new String[] {"--data-dir", dir.toString()});
    } finally {
      System.setOut(stdout);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("employees already stored: 0")
        .contains("employees already stored: 4");
  }

  private static String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new EmployeeModelExample(out).run();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
