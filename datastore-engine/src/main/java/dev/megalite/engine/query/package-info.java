/**
 * Query planning and execution over the built-in indexes.
 *
 * <p>{@link dev.megalite.engine.query.Planner} validates and normalises a query (IN and OR into
 * branches, {@code !=} and NOT IN into range exclusions, App Engine's order rules) and returns an
 * immutable {@link dev.megalite.engine.query.QueryPlan} with a stable {@code explain()}; queries
 * that need a composite index fail there with the minimal index. {@link
 * dev.megalite.engine.query.QueryExecutor} runs a plan against a snapshot by streaming iterators:
 * kind scans, property scans (descending ones read the ascending index backwards, run by run),
 * zigzag merge joins, and a merge of branches in query order with duplicates removed.
 *
 * <p>Positions (the basis of cursors and of merging) are byte strings in the query's order: the
 * sort values each branch fixes, the scanned value (inverted when descending), then the key path.
 * Depends on the api, codec, index and kv packages.
 */
package dev.megalite.engine.query;
