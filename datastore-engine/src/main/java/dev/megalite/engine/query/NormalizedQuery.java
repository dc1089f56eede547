package dev.megalite.engine.query;

import dev.megalite.api.Key;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.SortOrder;
import java.util.List;

/**
 * A validated query in the form the planner works on: its scope, its filter as branches in
 * disjunctive normal form, and its effective sort order (duplicates, orders after {@code __key__}
 * and a trailing {@code __key__ ASC} removed; an inequality property with no order sorts it).
 * Results always end with key order as the last tie-breaker.
 */
record NormalizedQuery(
    String project,
    String namespace,
    String kind,
    Key ancestor,
    List<Branch> branches,
    List<SortOrder> orders,
    List<String> projection,
    List<String> distinctOn,
    boolean keysOnly,
    int limit,
    int offset,
    Cursor startCursor,
    Cursor endCursor,
    long fingerprint) {}
