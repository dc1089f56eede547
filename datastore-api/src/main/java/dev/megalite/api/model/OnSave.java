package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A no-argument method called on an entity (or embedded object) just before it is converted for a
 * put, before validation: the place to fill derived fields. Superclass methods run first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSave {}
