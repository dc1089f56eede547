package dev.megalite.gql;

import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The arguments of one bind, looked up by binding site and converted to api values. */
final class Arguments {
  private final GqlBindings bindings;
  private final GqlDialect dialect;

  Arguments(GqlBindings bindings, GqlDialect dialect) {
    this.bindings = bindings;
    this.dialect = dialect;
  }

  /** The raw argument for a site; presence was checked before binding started. */
  Object raw(Expr.Binding site) {
    if (site instanceof Expr.PositionalBinding p) {
      return bindings.positional().get(p.index() - 1);
    }
    return bindings.named().get(((Expr.NamedBinding) site).name());
  }

  /** How the site is written, for messages: ":1", "@name". */
  String label(Expr.Binding site) {
    String sigil = dialect == GqlDialect.CLOUD ? "@" : ":";
    return site instanceof Expr.PositionalBinding p
        ? sigil + p.index()
        : sigil + ((Expr.NamedBinding) site).name();
  }

  /** The argument for a value site, as a value; a list only where {@code listAllowed}. */
  Value value(Expr.Binding site, boolean listAllowed) {
    Value v = toValue(raw(site), site.position(), label(site));
    if (v instanceof ListValue && !listAllowed) {
      throw GqlException.semantic(
          site.position(),
          "binding " + label(site) + " is a list; a list of values is only allowed after IN or NOT IN");
    }
    return v;
  }

  private static Value toValue(Object o, Position at, String label) {
    try {
      if (o == null) {
        return Value.ofNull();
      }
      if (o instanceof Value v) {
        return v;
      }
      if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
        return Value.of(((Number) o).longValue());
      }
      if (o instanceof Double || o instanceof Float) {
        return Value.of(((Number) o).doubleValue());
      }
      if (o instanceof Boolean b) {
        return Value.of(b);
      }
      if (o instanceof String s) {
        return Value.of(s);
      }
      if (o instanceof Key k) {
        return Value.of(k);
      }
      if (o instanceof Instant i) {
        return Value.of(i);
      }
      if (o instanceof List<?> list) {
        List<Value> values = new ArrayList<>(list.size());
        for (Object element : list) {
          Value v = toValue(element, at, label);
          if (v instanceof ListValue) {
            throw GqlException.semantic(at, "binding " + label + " is a list of lists; lists do not nest");
          }
          values.add(v);
        }
        return Value.list(values);
      }
      if (o instanceof Cursor) {
        throw GqlException.semantic(
            at, "binding " + label + " is a cursor; cursors can only be bound in LIMIT and OFFSET");
      }
    } catch (GqlException e) {
      throw e;
    } catch (BadRequestException e) {
      throw GqlException.semantic(at, "binding " + label + ": " + e.getMessage());
    }
    throw GqlException.semantic(
        at, "binding " + label + " has unsupported type " + o.getClass().getName());
  }

  /** A LIMIT or OFFSET position: a count ({@code Long}) or a {@link Cursor}. */
  Object resultPosition(Expr.Binding site, String clause) {
    Object o = raw(site);
    if (o instanceof Cursor) {
      return o;
    }
    if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
      return ((Number) o).longValue();
    }
    if (o instanceof IntegerValue i) {
      return i.value();
    }
    throw GqlException.semantic(
        site.position(),
        "binding " + label(site) + " in " + clause + " must be an integer or a cursor, not "
            + (o == null ? "null" : o.getClass().getSimpleName()));
  }
}
