package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a property to the indexes, so queries can filter and sort on it. On a class it is the
 * default for the class's fields. Properties are indexed by default, as in App Engine's {@code
 * db.Model}; {@link Text} never is, and {@code byte[]} only with {@code @Index} on the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Index {}
