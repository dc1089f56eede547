package dev.megalite.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigTextTest {

  @Test
  void linesEndAtLineFeedsCarriageReturnLineFeedsAndLoneCarriageReturns() {
    String text = "a\r\nb\nc\rd";

    assertThat(ConfigText.offsetOfLine(text, 1, false)).isZero();
    assertThat(ConfigText.offsetOfLine(text, 2, false)).isEqualTo(3);
    assertThat(ConfigText.offsetOfLine(text, 3, false)).isEqualTo(5);
    assertThat(ConfigText.offsetOfLine(text, 4, false)).isEqualTo(7);
    assertThat(ConfigText.offsetOfLine(text, 5, false)).isEqualTo(-1);
    assertThat(ConfigText.lineAt(text, 7, false)).isEqualTo(4);
    assertThat(ConfigText.lineAt(text, 1, false)).isEqualTo(1);
  }

  @Test
  void yamlAlsoEndsLinesAtUnicodeLineSeparators() {
    String text = "a\u2028b";

    assertThat(ConfigText.offsetOfLine(text, 2, true)).isEqualTo(2);
    assertThat(ConfigText.offsetOfLine(text, 2, false)).isEqualTo(-1);
  }

  @Test
  void theLineEndingIsTheFirstOneInTheText() {
    assertThat(ConfigText.lineEnding("a\r\nb\n")).isEqualTo("\r\n");
    assertThat(ConfigText.lineEnding("a\nb\r\n")).isEqualTo("\n");
    assertThat(ConfigText.lineEnding("no line end")).isEqualTo("\n");
  }
}
