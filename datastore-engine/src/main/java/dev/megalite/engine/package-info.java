/**
 * The embedded Megalite datastore: {@link dev.megalite.engine.Megalite} opens one, {@link
 * dev.megalite.engine.MegaliteOptions} configures it. Internally, a put or delete becomes a commit
 * ({@code Committer}) that writes entity rows, the difference of their index rows and the new
 * entity-group versions in one atomic batch under the groups' locks; queries are planned and run
 * by {@code dev.megalite.engine.query}. Global queries may be eventually consistent, as App
 * Engine's were ({@code EventualConsistency}, {@code docs/consistency.md}). This package ties the others together and is the only one
 * that knows which key-value store is used.
 */
package dev.megalite.engine;
