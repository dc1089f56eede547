package dev.megalite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.testing.MegaliteTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@MegaliteTest
class TransactionsExampleTest {

  @Test
  void noIncrementIsLostAndTransfersConserveMoney() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new TransactionsExample(out).run();
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("before: 0, after: 100, added: 100")
        .contains("before: alice 1000, bob 1000, total 2000")
        .containsPattern("after: {2}alice \\d+, bob \\d+, total 2000")
        .contains("money conserved: true");
  }
}
