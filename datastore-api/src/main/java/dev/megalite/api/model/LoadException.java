package dev.megalite.api.model;

import dev.megalite.api.BaseKey;
import dev.megalite.api.error.BadRequestException;

/**
 * A stored entity does not fit its model class: a property holds a value the field's type cannot
 * take, or the key does not fit the class. The message names the entity's key and the property.
 */
public class LoadException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final transient BaseKey key;
  private final String property;

  /**
   * @param key the entity's key
   * @param property the property (dotted inside embedded entities), or null for the key itself
   * @param detail what does not fit
   */
  public LoadException(BaseKey key, String property, String detail) {
    super("cannot load entity " + key + (property == null ? "" : ", property '" + property + "'")
        + ": " + detail);
    this.key = key;
    this.property = property;
  }

  public BaseKey key() {
    return key;
  }

  /** The property, or null when the key itself does not fit. */
  public String property() {
    return property;
  }
}
