package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-valued property: each element is indexed on its own (one index row per value). Lists do
 * not nest. Each element carries its own indexed flag.
 */
public record ListValue(List<Value> values) implements Value {
  public ListValue {
    if (values == null) {
      throw new BadRequestException("list value is null; use Value.ofNull()");
    }
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      if (v == null) {
        throw new BadRequestException("list element " + i + " is null; use Value.ofNull()");
      }
      if (v instanceof ListValue) {
        throw new BadRequestException("list element " + i + " is a list; lists do not nest");
      }
    }
    values = List.copyOf(values);
  }

  @Override
  public boolean indexed() {
    for (Value v : values) {
      if (v.indexed()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ValueType type() {
    return ValueType.LIST;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    List<Value> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(v.withIndexed(indexed));
    }
    return new ListValue(out);
  }
}
