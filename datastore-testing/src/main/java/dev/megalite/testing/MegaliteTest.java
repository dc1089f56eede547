package dev.megalite.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh Megalite store, made the model layer's default datastore for the test
 * (and the previous default restored after it). Test methods (and {@code @BeforeEach} /
 * {@code @AfterEach} methods) may declare a {@code Datastore} or {@code MegaliteDatastore}
 * parameter to receive it.
 *
 * <pre>{@code
 * @MegaliteTest
 * class EmployeeTest {
 *   @Test
 *   void putAllocatesAnId(Datastore ds) { ... new Employee(...).put() ... }
 * }
 * }</pre>
 *
 * On a method it overrides the class's settings; on a class it also covers its {@code @Nested}
 * classes. The model layer's default is one per JVM, so tests that use the extension must not run
 * in parallel with each other.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(MegaliteExtension.class)
public @interface MegaliteTest {

  /** Where the store keeps its data. */
  Storage storage() default Storage.IN_MEMORY;

  /** The project id of the store. */
  String projectId() default "megalite";

  /** Keep empty lists as empty lists (App Engine's default, off, stores them as null). */
  boolean emptyListSupport() default false;
}
