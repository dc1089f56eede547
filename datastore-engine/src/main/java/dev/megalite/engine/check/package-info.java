/**
 * The consistency checker: scans all entities and index rows of a store and reports every
 * mismatch between them. Used by tests after random operations and crashes, and by operators.
 * Depends on the codec, index, kv and quota packages (it recounts the stored data).
 */
package dev.megalite.engine.check;
