package dev.megalite.gql;

import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.Value;
import dev.megalite.api.query.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The {@code -- args:} mini-language of the example files: comma-separated Java objects, {@code
 * name=value} for named ones and {@code literals=false}. Values: {@code null}, {@code true}, {@code
 * 12} (Long), {@code int(12)} (Integer), {@code 1.5} (Double), {@code 'text'} (String, '' escapes),
 * {@code key(Kind:1/Child:'x')} (Key in project "proj"), {@code cursor(urlsafe)}, {@code
 * bytes(base64)}, {@code ts(2020-01-01T00:00:00Z)} (Instant), {@code date(…)} (java.util.Date),
 * {@code geo(lat,lng)} (Value), {@code list(v, …)} (List).
 */
final class Args {
  static final String PROJECT = "proj";

  private Args() {}

  static GqlBindings parse(String text) {
    GqlBindings.Builder b = GqlBindings.newBuilder();
    if (text == null || text.isBlank()) {
      return b.build();
    }
    for (String part : split(text)) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).matches("[A-Za-z_$][A-Za-z_$0-9]*")) {
        String name = part.substring(0, eq);
        String value = part.substring(eq + 1).strip();
        if (name.equals("literals")) {
          b.allowLiterals(Boolean.parseBoolean(value));
        } else {
          b.set(name, value(value));
        }
      } else {
        b.add(value(part));
      }
    }
    return b.build();
  }

  static Object value(String s) {
    if (s.equals("null")) {
      return null;
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    if (s.matches("-?\\d+")) {
      return Long.valueOf(s);
    }
    if (s.matches("-?\\d+\\.\\d+")) {
      return Double.valueOf(s);
    }
    if (s.startsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    int open = s.indexOf('(');
    String fn = s.substring(0, open);
    String inner = s.substring(open + 1, s.length() - 1);
    return switch (fn) {
      case "int" -> Integer.valueOf(inner);
      case "key" -> key(inner);
      case "cursor" -> Cursor.fromUrlSafe(inner);
      case "bytes" -> Base64.getDecoder().decode(inner);
      case "ts" -> Instant.parse(inner);
      case "date" -> Date.from(Instant.parse(inner));
      case "geo" -> {
        String[] ll = inner.split(",");
        yield Value.geoPoint(Double.parseDouble(ll[0].strip()), Double.parseDouble(ll[1].strip()));
      }
      case "list" -> {
        List<Object> items = new ArrayList<>();
        for (String item : split(inner)) {
          items.add(value(item));
        }
        yield items;
      }
      default -> throw new IllegalArgumentException("unknown argument form " + s);
    };
  }

  private static Key key(String path) {
    List<PathElement> elements = new ArrayList<>();
    for (String step : path.split("/")) {
      String[] kv = step.split(":", 2);
      elements.add(
          kv[1].startsWith("'")
              ? PathElement.of(kv[0], kv[1].substring(1, kv[1].length() - 1))
              : PathElement.of(kv[0], Long.parseLong(kv[1])));
    }
    return Key.of(PROJECT, "", elements);
  }

  /** Splits at top-level commas, respecting quotes and parentheses. */
  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder cur = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(cur.toString().strip());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
