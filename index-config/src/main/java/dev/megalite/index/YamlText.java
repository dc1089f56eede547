package dev.megalite.index;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes names as YAML scalars: plain where YAML reads them back as the same string. */
final class YamlText {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  /**
   * Plain words that YAML 1.1 parsers (PyYAML, App Engine's; SnakeYAML) read as booleans or null.
   * The spec's {@code y} and {@code n} are left plain, as those parsers do.
   */
  private static final Set<String> SPECIAL =
      Set.of("yes", "no", "true", "false", "on", "off", "null");

  private YamlText() {}

  static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !SPECIAL.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
