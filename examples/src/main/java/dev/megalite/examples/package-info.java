/**
 * Runnable examples of the embedded datastore. {@link dev.megalite.examples.EmployeeDirectory} is
 * what the README's first command runs. Depends on the api and the engine.
 */
package dev.megalite.examples;
