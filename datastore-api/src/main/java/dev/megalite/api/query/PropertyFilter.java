package dev.megalite.api.query;

import dev.megalite.api.Entity;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;

/**
 * {@code property op value}. IN and NOT IN take a {@link ListValue}; every other operator takes a
 * single value. Filters on {@code __key__} take keys.
 */
public record PropertyFilter(String property, Operator op, Value value) implements Filter {

  public PropertyFilter {
    if (property == null || op == null || value == null) {
      throw new BadRequestException("property filter needs a property, an operator and a value");
    }
    if (!property.equals(KEY_PROPERTY)) {
      Entity.validatePropertyName(property);
    }
    if (op.takesList() != (value instanceof ListValue)) {
      throw new BadRequestException(
          op.takesList()
              ? "filter " + property + " " + op.symbol() + " needs a list of values"
              : "filter " + property + " " + op.symbol() + ": a list value is only allowed with IN"
                  + " and NOT IN");
    }
    if (property.equals(KEY_PROPERTY)) {
      boolean keys =
          value instanceof ListValue l
              ? l.values().stream().allMatch(v -> v instanceof KeyValue)
              : value instanceof KeyValue;
      if (!keys) {
        throw new BadRequestException("__key__ filter value must be a Key");
      }
    }
  }

  public static PropertyFilter of(String property, Operator op, Value value) {
    return new PropertyFilter(property, op, value);
  }

  public boolean isKeyFilter() {
    return property.equals(KEY_PROPERTY);
  }

  @Override
  public String toString() {
    return property + " " + op.symbol() + " " + value;
  }
}
