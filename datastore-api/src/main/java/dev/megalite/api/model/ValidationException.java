package dev.megalite.api.model;

import dev.megalite.api.error.BadRequestException;

/**
 * A model value breaks a rule of its field (required, choices, validator, size of an indexed
 * string, a String id that is not set). Raised on put before anything is written. The message
 * names the class, the field, the value and the rule: {@code Employee.role: 'boss' is not one of
 * [executive, manager, producer]}.
 */
public class ValidationException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final String modelClass;
  private final String field;
  private final String value;
  private final String rule;

  /**
   * @param modelClass the simple name of the class declaring the field
   * @param field the field's name
   * @param value the value as the message shows it ({@code 'boss'}, {@code -5}, {@code null})
   * @param rule what the value breaks, phrased to follow it ({@code is not one of [a, b]})
   */
  public ValidationException(String modelClass, String field, String value, String rule) {
    super(modelClass + "." + field + ": " + value + " " + rule);
    this.modelClass = modelClass;
    this.field = field;
    this.value = value;
    this.rule = rule;
  }

  public String modelClass() {
    return modelClass;
  }

  public String field() {
    return field;
  }

  /** The value as the message shows it. */
  public String value() {
    return value;
  }

  public String rule() {
    return rule;
  }
}
