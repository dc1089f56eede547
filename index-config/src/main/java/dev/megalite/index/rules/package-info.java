/**
 * App Engine's rules for composite indexes, as pure functions on a query's shape ({@link
 * dev.megalite.index.rules.IndexQuery}): {@link dev.megalite.index.rules.IndexRules#need} says
 * whether the query needs a composite index and which one would serve it alone ({@link
 * dev.megalite.index.rules.IndexNeed}); {@link dev.megalite.index.rules.IndexRules#select} picks
 * the existing indexes that serve it, alone or merge-joined, or says which index to add ({@link
 * dev.megalite.index.rules.IndexSelection}).
 *
 * <p>The rules follow {@code google/appengine/datastore/datastore_index.py} of the App Engine
 * Python SDK 1.9 ({@code Normalize}, {@code RemoveNativelySupportedComponents}, {@code
 * CompositeIndexForQuery}, {@code _MatchPostfix}, {@code MinimalCompositeIndexForQuery}). Where
 * Megalite's queries go beyond App Engine's, or App Engine's code disagrees with its stated rule,
 * this package decides:
 *
 * <ul>
 *   <li>A property with both equality and range filters counts as a range only, also in the
 *       prefix (the SDK's code also leaves it in the prefix, which would ask for an index on {@code
 *       a, a}).
 *   <li>A {@code __key__} range next to a range on another property (App Engine allowed one
 *       range property) adds no component: the key ends every index row, so the engine applies
 *       it while scanning.
 *   <li>Projecting {@code __key__} adds no component, for the same reason.
 *   <li>Ties between equally small sets of serving indexes go to fewer properties in total, then
 *       to the first in {@link dev.megalite.index.IndexDefinition}'s order, so plans are stable.
 * </ul>
 *
 * Depends on {@code dev.megalite.index} and {@code dev.megalite.api} only.
 */
package dev.megalite.index.rules;
