package dev.megalite.api.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field (or record component) holding the entity's parent key: a {@link dev.megalite.api.Key}
 * or a typed {@link Ref}. The parent places the entity in its parent's entity group; null makes
 * the entity a root. It is part of the key, not a property.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Parent {}
