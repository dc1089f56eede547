package dev.megalite.gql;

import dev.megalite.api.DoubleValue;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.ast.CastFunction;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.format.GqlFormatter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The synthetic literals: {@code KEY(…)}, {@code DATETIME(…)}, {@code DATE(…)}, {@code TIME(…)},
 * {@code GEOPT(…)}, {@code USER(…)}, {@code BLOB(…)}. App Engine's naive date-times are UTC.
 */
final class Casts {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", java.util.Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", java.util.Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private Casts() {}

  static Value evaluate(Expr.Cast cast, Values values) {
    for (int i = 0; i < cast.arguments().size(); i++) {
      if (cast.arguments().get(i) instanceof Name name
          && (cast.function() != CastFunction.KEY || !isKindPosition(cast, i))) {
        throw bad(
            cast, values,
            "argument " + (i + 1) + " is the name " + name.text() + "; only a KEY kind may be a"
                + " name, other values are quoted strings or numbers");
      }
    }
    try {
      return switch (cast.function()) {
        case KEY -> Value.of(key(cast, values));
        case PROJECT, NAMESPACE -> throw bad(cast, values, "it can only start the arguments of KEY(…)");
        case BLOB -> blob(cast, values);
        case DATETIME -> dateTime(cast, values);
        case DATE -> date(cast, values);
        case TIME -> time(cast, values);
        case GEOPT -> geoPoint(cast, values);
        case USER -> Value.user(string(cast, values, 0, "USER('email')"));
      };
    } catch (GqlException e) {
      throw e;
    } catch (BadRequestException | DateTimeException | ArithmeticException e) {
      throw bad(cast, values, e.getMessage());
    }
  }

  /** Whether argument {@code i} of a KEY(…) is a kind: an even position after PROJECT/NAMESPACE. */
  private static boolean isKindPosition(Expr.Cast cast, int i) {
    int first = 0;
    List<Expr> args = cast.arguments();
    while (first < args.size()
        && args.get(first) instanceof Expr.Cast c
        && (c.function() == CastFunction.PROJECT || c.function() == CastFunction.NAMESPACE)) {
      first++;
    }
    return i >= first && (i - first) % 2 == 0 && args.size() - first >= 2;
  }

  private static Key key(Expr.Cast cast, Values values) {
    List<Expr> args = cast.arguments();
    String project = values.project();
    String namespace = values.namespace();
    int i = 0;
    if (i < args.size() && args.get(i) instanceof Expr.Cast p && p.function() == CastFunction.PROJECT) {
      project = string(p, values, 0, "PROJECT('project')");
      i++;
    }
    if (i < args.size() && args.get(i) instanceof Expr.Cast n && n.function() == CastFunction.NAMESPACE) {
      namespace = string(n, values, 0, "NAMESPACE('namespace')");
      i++;
    }
    int rest = args.size() - i;
    if (i == 0 && rest == 1) {
      Value v = values.resolve(args.get(0), false);
      if (v instanceof StringValue s) {
        return Key.fromUrlSafe(s.value());
      }
      throw bad(cast, values, "a single argument must be a url-safe key string, not " + Values.typeName(v));
    }
    if (rest == 0 || rest % 2 != 0) {
      throw bad(
          cast, values,
          "expected KEY('url-safe key') or KEY([PROJECT('p'),] [NAMESPACE('n'),] kind, id or name, …)"
              + " with kinds and ids in pairs");
    }
    List<PathElement> path = new ArrayList<>(rest / 2);
    for (; i < args.size(); i += 2) {
      String kind;
      if (args.get(i) instanceof Name name) {
        kind = name.text();
      } else if (values.resolve(args.get(i), false) instanceof StringValue s) {
        kind = s.value();
      } else {
        throw bad(cast, values, "argument " + (i + 1) + " must be a kind (a name or a string)");
      }
      Value id = values.resolve(args.get(i + 1), false);
      if (id instanceof IntegerValue n) {
        path.add(PathElement.of(kind, n.value()));
      } else if (id instanceof StringValue s) {
        path.add(PathElement.of(kind, s.value()));
      } else {
        throw bad(
            cast, values,
            "argument " + (i + 2) + " must be an integer id or a string name, not " + Values.typeName(id));
      }
    }
    return Key.of(project, namespace, path);
  }

  private static Value blob(Expr.Cast cast, Values values) {
    String text = string(cast, values, 0, "BLOB('base64')");
    try {
      return Value.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      try {
        return Value.of(Base64.getUrlDecoder().decode(text));
      } catch (IllegalArgumentException again) {
        throw bad(cast, values, "'" + text + "' is not base64");
      }
    }
  }

  private static Value dateTime(Expr.Cast cast, Values values) {
    boolean cloud = values.dialect() == GqlDialect.CLOUD;
    int n = cast.arguments().size();
    if (n == 1 && values.resolve(cast.arguments().get(0), false) instanceof StringValue s) {
      if (cloud) {
        String text = s.value().toUpperCase(java.util.Locale.ROOT);
        if (text.length() > 10 && text.charAt(10) == ' ') {
          text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
          return Value.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
          throw bad(cast, values, "'" + s.value() + "' is not an RFC 3339 timestamp such as"
              + " '2013-09-29T09:30:20.00002-08:00'");
        }
      }
      return Value.of(parse(cast, values, s.value(), DATE_TIME, "YYYY-MM-DD HH:MM:SS")
          .query(LocalDateTime::from).toInstant(ZoneOffset.UTC));
    }
    if (cloud || n < 3 || n > 7) {
      throw bad(
          cast, values,
          cloud
              ? "expected DATETIME('RFC 3339 timestamp'), e.g. DATETIME('2013-09-29T09:30:20.00002-08:00')"
              : "expected DATETIME(year, month, day[, hour, minute, second[, microsecond]])"
                  + " or DATETIME('YYYY-MM-DD HH:MM:SS')");
    }
    int[] f = ints(cast, values, 0);
    LocalDateTime t =
        LocalDateTime.of(f[0], f[1], f[2], n > 3 ? f[3] : 0, n > 4 ? f[4] : 0, n > 5 ? f[5] : 0, 0);
    return Value.of(t.toInstant(ZoneOffset.UTC).plusNanos(micros(cast, values, f, 6)));
  }

  private static Value date(Expr.Cast cast, Values values) {
    int n = cast.arguments().size();
    if (n == 1 && values.resolve(cast.arguments().get(0), false) instanceof StringValue s) {
      LocalDate d = parse(cast, values, s.value(), DATE, "YYYY-MM-DD").query(LocalDate::from);
      return Value.of(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    if (n != 3) {
      throw bad(cast, values, "expected DATE(year, month, day) or DATE('YYYY-MM-DD')");
    }
    int[] f = ints(cast, values, 0);
    return Value.of(LocalDate.of(f[0], f[1], f[2]).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private static Value time(Expr.Cast cast, Values values) {
    int n = cast.arguments().size();
    LocalTime t;
    if (n == 1 && values.resolve(cast.arguments().get(0), false) instanceof StringValue s) {
      t = parse(cast, values, s.value(), TIME, "HH:MM:SS").query(LocalTime::from);
    } else if (n >= 1 && n <= 4) {
      int[] f = ints(cast, values, 0);
      t = LocalTime.of(f[0], n > 1 ? f[1] : 0, n > 2 ? f[2] : 0).plusNanos(micros(cast, values, f, 3));
    } else {
      throw bad(cast, values, "expected TIME(hour[, minute[, second[, microsecond]]]) or TIME('HH:MM:SS')");
    }
    return Value.of(LocalDate.EPOCH.atTime(t).toInstant(ZoneOffset.UTC));
  }

  private static Value geoPoint(Expr.Cast cast, Values values) {
    if (cast.arguments().size() != 2) {
      throw bad(cast, values, "expected GEOPT(latitude, longitude)");
    }
    return Value.geoPoint(number(cast, values, 0), number(cast, values, 1));
  }

  private static TemporalAccessor parse(
      Expr.Cast cast, Values values, String text, DateTimeFormatter format, String shape) {
    try {
      return format.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(cast, values, "'" + text + "' does not read as '" + shape + "'");
    }
  }

  /** Microseconds argument {@code index} (0 when absent) as nanoseconds. */
  private static long micros(Expr.Cast cast, Values values, int[] fields, int index) {
    if (fields.length <= index) {
      return 0;
    }
    int us = fields[index];
    if (us < 0 || us > 999_999) {
      throw bad(cast, values, "microsecond " + us + " is outside 0..999999");
    }
    return us * 1_000L;
  }

  private static int[] ints(Expr.Cast cast, Values values, int from) {
    List<Expr> args = cast.arguments();
    int[] out = new int[args.size() - from];
    for (int i = from; i < args.size(); i++) {
      Value v = values.resolve(args.get(i), false);
      if (!(v instanceof IntegerValue n)) {
        throw bad(cast, values, "argument " + (i + 1) + " must be an integer, not " + Values.typeName(v));
      }
      out[i - from] = Math.toIntExact(n.value());
    }
    return out;
  }

  private static double number(Expr.Cast cast, Values values, int index) {
    Value v = values.resolve(cast.arguments().get(index), false);
    if (v instanceof IntegerValue i) {
      return i.value();
    }
    if (v instanceof DoubleValue d) {
      return d.value();
    }
    throw bad(cast, values, "argument " + (index + 1) + " must be a number, not " + Values.typeName(v));
  }

  private static String string(Expr.Cast cast, Values values, int index, String expected) {
    if (cast.arguments().size() != 1) {
      throw bad(cast, values, "expected " + expected);
    }
    Value v = values.resolve(cast.arguments().get(index), false);
    if (!(v instanceof StringValue s)) {
      throw bad(cast, values, "expected " + expected + ", not " + Values.typeName(v));
    }
    return s.value();
  }

  private static GqlException bad(Expr.Cast cast, Values values, String reason) {
    return GqlException.semantic(
        cast.position(),
        "bad cast " + GqlFormatter.expression(cast, values.dialect()) + ": " + reason);
  }
}
