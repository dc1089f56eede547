/**
 * Built-in index maintenance: which index rows an entity has (the kind row and one property row
 * per distinct indexed value, with embedded entities flattened into dotted names), so that a write
 * can store exactly the difference between the old and the new rows. Key bytes come from the codec
 * package; this package decides only which rows exist.
 */
package dev.megalite.engine.index;
