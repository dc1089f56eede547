package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code Map<String, Value>} field (or record component) that receives the stored properties
 * no field maps, and whose entries are saved back on put. Without one, such properties are kept
 * for the loaded instance itself; records that are copied before they are saved again should
 * declare one and copy it along.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Unmapped {}
