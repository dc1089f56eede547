package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as an entity of the datastore. Its kind is {@link #value()}, or the
 * simple name of the class when that is empty. Classes used only embedded in other entities need
 * no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
  /** The kind; empty for the simple class name. */
  String value() default "";
}
