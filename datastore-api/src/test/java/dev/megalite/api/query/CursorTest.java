package dev.megalite.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.megalite.api.error.BadRequestException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void urlSafeFormRoundTripsForRandomCursors() {
    Random random = new Random(3);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[1 + random.nextInt(100)];
      random.nextBytes(bytes);
      Cursor cursor = Cursor.of(bytes);

      String urlSafe = cursor.toUrlSafe();

      assertThat(urlSafe).matches("[A-Za-z0-9_-]+");
      assertThat(Cursor.fromUrlSafe(urlSafe)).isEqualTo(cursor).hasSameHashCodeAs(cursor);
      assertThat(Cursor.fromUrlSafe(urlSafe).toByteArray()).isEqualTo(bytes);
    }
  }

  @Test
  void urlSafeFormIsUnpaddedBase64url() {
    Cursor cursor = Cursor.of(new byte[] {(byte) 0xfb, (byte) 0xff});

    assertThat(cursor.toUrlSafe()).isEqualTo("-_8");
  }

  @Test
  void cursorCopiesItsInputAndItsOutput() {
    byte[] source = {1, 2, 3};
    Cursor cursor = Cursor.of(source);

    source[0] = 9;
    cursor.toByteArray()[1] = 9;

    assertThat(cursor.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void cursorsWithDifferentBytesAreNotEqual() {
    assertThat(Cursor.of(new byte[] {1})).isNotEqualTo(Cursor.of(new byte[] {1, 0}));
  }

  @Test
  void emptyCursorIsRejected() {
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> Cursor.of(new byte[0]))
        .withMessageContaining("cursor is empty");
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(() -> Cursor.of(null))
        .withMessageContaining("cursor is empty");
  }

  @Test
  void emptyOrBlankTextIsRejected() {
    for (String empty : new String[] {"", " ", "\n", null}) {
      assertThatExceptionOfType(BadRequestException.class)
          .as("'%s'", empty)
          .isThrownBy(() -> Cursor.fromUrlSafe(empty))
          .withMessageContaining("cursor is empty");
    }
  }

  @Test
  void garbageTextIsRejected() {
    for (String bad : List.of("!!!", "a", "ab+/", "abc=d", "curs\u00f6r", "ab cd")) {
      assertThatExceptionOfType(BadRequestException.class)
          .as("'%s'", bad)
          .isThrownBy(() -> Cursor.fromUrlSafe(bad))
          .withMessageContaining("not a valid url-safe cursor");
    }
  }
}
