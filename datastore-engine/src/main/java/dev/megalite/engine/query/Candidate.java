package dev.megalite.engine.query;

/**
 * One candidate row of a query run, with everything its evaluation reads of the source, captured
 * when the row was read: by the time the run evaluates it, the source has moved on.
 *
 * @param position the row's position in the query's order (with the branch's constant prefix)
 * @param row the index row's key (the entity row's key for kindless scans)
 * @param pathStart where the terminated key path starts in {@code row}
 * @param valueStart for property and composite scans, where the values start in {@code row};
 *     else -1
 * @param rowValue the row's value (property flags, composite meanings), or null when nothing
 *     needs it
 * @param branch the branch of the plan that produced the row
 * @param multiValued whether the row's entity has more than one row in the scanned index
 * @param entityRow the key of the entity row to fetch, or null when evaluation needs no entity or
 *     when the row read was the entity row itself
 * @param entity the entity row's value, when the row read was the entity row and evaluation
 *     needs the entity; else null
 */
record Candidate(
    byte[] position,
    byte[] row,
    int pathStart,
    int valueStart,
    byte[] rowValue,
    int branch,
    boolean multiValued,
    byte[] entityRow,
    byte[] entity) {

  /** Whether evaluation needs the entity: for its result, or for a check. */
  boolean needsEntity() {
    return entityRow != null || entity != null;
  }
}
