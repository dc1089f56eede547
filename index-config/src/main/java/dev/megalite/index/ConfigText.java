package dev.megalite.index;

/**
 * Line arithmetic on configuration text, shared by the YAML and XML formats. A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r} (as in YAML and XML); YAML also ends lines at
 * U+0085, U+2028 and U+2029, which {@code yamlBreaks} switches on.
 */
public final class ConfigText {
  private ConfigText() {}

  /** The offset where 1-based {@code line} starts, or -1 if the text has fewer lines. */
  public static int offsetOfLine(String text, int line, boolean yamlBreaks) {
    int current = 1;
    int i = 0;
    while (current < line) {
      int end = lineBreak(text, i, yamlBreaks);
      if (end < 0) {
        return -1;
      }
      i = end;
      current++;
    }
    return i;
  }

  /** The 1-based line that {@code offset} lies on. */
  public static int lineAt(String text, int offset, boolean yamlBreaks) {
    int line = 1;
    int i = 0;
    while (true) {
      int end = lineBreak(text, i, yamlBreaks);
      if (end < 0 || end > offset) {
        return line;
      }
      i = end;
      line++;
    }
  }

  /**
   * The offset just after the first line break at or after {@code from}, or -1 if there is none.
   */
  public static int lineBreak(String text, int from, boolean yamlBreaks) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
      if (yamlBreaks && (c == '\u0085' || c == '\u2028' || c == '\u2029')) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The first line ending in {@code text} ({@code \r\n}, {@code \r} or {@code \n}), else "\n". */
  public static String lineEnding(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return "\n";
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
      }
    }
    return "\n";
  }
}
