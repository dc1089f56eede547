package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Older names of a property, read when the entity lacks the current name (for renamed fields). The
 * value is saved under the current name only, so a load and a put migrate the entity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface AlsoLoad {
  /** The older names, tried in order. */
  String[] value();
}
