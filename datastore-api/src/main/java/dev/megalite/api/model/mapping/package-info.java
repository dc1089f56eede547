/**
 * The compiled mapping of model classes to entities: {@link
 * dev.megalite.api.model.mapping.ClassMapping} reflects over a class once (fields, annotations,
 * record components, lifecycle methods, constructor), turns every accessor into a method handle
 * and every field type into a codec, and caches the result per class. Also the exact, sortable
 * encoding of {@code BigDecimal} ({@link dev.megalite.api.model.mapping.Decimals}) and the state
 * kept beside loaded instances (unknown properties).
 *
 * <p>Uses the annotations, value types and exceptions of {@code dev.megalite.api.model}, and
 * {@code dev.megalite.api}; the runtime of {@code dev.megalite.api.model} uses this package in
 * turn. Not an API for applications.
 */
package dev.megalite.api.model.mapping;
