package dev.megalite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmployeeDirectoryTest {

  @Test
  void exampleRunsTwiceOnDiskAndFindsItsDataTheSecondTime(@TempDir Path dir) {
    String first = runOnce(dir);
    String second = runOnce(dir);

    assertThat(first).contains("employees of acme already stored: 0");
    assertThat(second).contains("employees of acme already stored: 40");
    assertThat(second)
        .contains("page 3: 10 keys")
        .contains("- name: role")
        .contains("CompositeScan(Employee (role asc, hired desc)")
        .contains("MergeJoin(Employee: role = 'manager' AND skills = 'sql')")
        .contains("PropertyScan(Employee.salary DESC)")
        .contains("problems=[]");
  }

  private static String runOnce(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MegaliteDatastore ds = Megalite.open(dir);
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new EmployeeDirectory(ds, out).run();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
