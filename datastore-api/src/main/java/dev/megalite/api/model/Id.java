package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field (or record component) holding the last element of the entity's key: a {@code Long} or
 * {@code long} id, allocated on put when it is null or 0, or a {@code String} name, which must be
 * set before put. Exactly one per entity class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Id {}
