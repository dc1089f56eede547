package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of one property, as App Engine's {@code Property(name, required, default, choices,
 * validator)} has them. Every check runs on put, before anything is written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Property {
  /** The stored property name; empty for the field's name. */
  String name() default "";

  /** Whether a value must be present: not null, not an empty string, not an empty collection. */
  boolean required() default false;

  /**
   * The value used when the field is null on put or the property is missing on load, written as
   * text and read as the field's type ({@code "42"}, {@code "manager"}, {@code "2024-01-31"}, an
   * enum constant's name). Empty for none.
   */
  String defaultValue() default "";

  /**
   * The only values allowed, written as {@link #defaultValue()} is; for a collection, every
   * element must be one of them. Empty for any value.
   */
  String[] choices() default {};

  /** A check of every non-null value (of every element of a collection). */
  Class<? extends Validator<?>> validator() default Validator.None.class;
}
