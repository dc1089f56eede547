package dev.megalite.engine;

/** How ids are allocated for incomplete keys. */
public enum IdPolicy {
  /**
   * App Engine's default: ids spread over [2^52, 2^52 + 2^51) by bit-reversing a counter, so code
   * that wrongly depends on small or ordered ids fails in development, not in production.
   */
  SCATTERED,
  /** 1, 2, 3, … per project (shared by all kinds), below 2^52. */
  SEQUENTIAL
}
