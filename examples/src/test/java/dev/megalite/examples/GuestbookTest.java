package dev.megalite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.testing.MegaliteTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@MegaliteTest
class GuestbookTest {

  @Test
  void greetingsAreListedNewestFirstInPagesLinkedByCursors() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new Guestbook(out).run();
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("'The main guestbook' has 12 greetings; 'Staff only' has 3")
        .contains("== page 3")
        .doesNotContain("== page 4")
        .contains("(last page)")
        .contains("newest greeting: 'Greeting number 12 in main' by anonymous in guestbook"
            + " 'main'");
    assertThat(output.split("next page: \\?cursor=", -1)).hasSize(3);
    assertThat(output).containsSubsequence(
        "== page 1", "Greeting number 12 in main", "Greeting number 8 in main",
        "== page 2", "Greeting number 7 in main", "Greeting number 3 in main",
        "== page 3", "Greeting number 2 in main", "Greeting number 1 in main");
    assertThat(output).doesNotContain("in staff");
  }
}
