package dev.megalite.gql.format;

import dev.megalite.api.query.GqlDialect;
import java.util.Locale;
import java.util.Set;

/** Names and strings written so that the dialect's lexer reads them back unchanged. */
final class Quoting {
  /** Words App Engine GQL never reads as a name. */
  private static final Set<String> APP_ENGINE_RESERVED =
      Set.of(
          "SELECT", "DISTINCT", "FROM", "WHERE", "IN", "ANCESTOR", "IS", "AND", "OR", "NOT", "ORDER",
          "BY", "ASC", "DESC", "GROUP", "LIMIT", "OFFSET", "HINT", "ORDER_FIRST", "FILTER_FIRST",
          "ANCESTOR_FIRST", "NULL", "TRUE", "FALSE");

  /** Cloud GQL's keywords, which must be backquoted to be names. */
  private static final Set<String> CLOUD_RESERVED =
      Set.of(
          "SELECT", "FROM", "WHERE", "AGGREGATE", "OVER", "COUNT", "COUNT_UP_TO", "SUM", "AVG", "AS",
          "DISTINCT", "ON", "ORDER", "BY", "LIMIT", "FIRST", "OFFSET", "KEY", "PROJECT", "NAMESPACE",
          "ARRAY", "BLOB", "DATETIME", "NULL", "AND", "OR", "IS", "CONTAINS", "HAS", "ANCESTOR", "IN",
          "NOT", "DESCENDANT", "DESC", "ASC", "TRUE", "FALSE");

  private Quoting() {}

  static String name(String name, GqlDialect dialect) {
    boolean cloud = dialect == GqlDialect.CLOUD;
    Set<String> reserved = cloud ? CLOUD_RESERVED : APP_ENGINE_RESERVED;
    if (isPlainName(name, cloud) && !reserved.contains(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return cloud ? "`" + escape(name) + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String string(String value, GqlDialect dialect) {
    return dialect == GqlDialect.CLOUD
        ? "'" + escape(value) + "'"
        : "'" + value.replace("'", "''") + "'";
  }

  /** Letters, digits, '_' (and in Cloud GQL '$' and non-ASCII), dot-separated, no leading digit. */
  private static boolean isPlainName(String name, boolean cloud) {
    if (name.isEmpty() || isDigit(name.charAt(0))) {
      return false;
    }
    boolean segmentStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (segmentStart) {
          return false;
        }
        segmentStart = true;
        continue;
      }
      boolean ok =
          c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_'
              || cloud && (c == '$' || c >= 0x80 && !Character.isSurrogate(c) && !Character.isWhitespace(c));
      if (!ok) {
        return false;
      }
      segmentStart = false;
    }
    return !segmentStart;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Cloud GQL's escapes for a quoted string or backquoted name. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '`' -> sb.append("\\`");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\0' -> sb.append("\\0");
        case '\b' -> sb.append("\\b");
        case '\u001a' -> sb.append("\\Z");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
