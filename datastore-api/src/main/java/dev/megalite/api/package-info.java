/**
 * Megalite's public data model: {@link dev.megalite.api.Key} and {@link
 * dev.megalite.api.IncompleteKey}, {@link dev.megalite.api.Entity}, the sealed {@link
 * dev.megalite.api.Value} family, and the {@link dev.megalite.api.Datastore} interface. Every type
 * is immutable and validated at construction. This module depends on the JDK only; storage,
 * indexes and query execution live in the engine.
 */
package dev.megalite.api;
