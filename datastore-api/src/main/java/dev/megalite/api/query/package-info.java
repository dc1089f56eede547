/**
 * Queries as immutable values: {@link dev.megalite.api.query.Query} with its filters, sort
 * orders, projection, limits and cursors, and the streaming {@link
 * dev.megalite.api.query.QueryResults} that running one returns. How a query is planned and
 * executed belongs to the engine. Depends on the JDK and {@code dev.megalite.api} only.
 */
package dev.megalite.api.query;
