package dev.megalite.engine;

import dev.megalite.api.Key;

/**
 * What one {@link Write} did: the complete key it wrote (allocated for an incomplete one), the
 * entity's version after the commit, and whether its base version no longer matched, in which case
 * nothing was written for it and {@code version} is the stored entity's current version.
 */
public record WriteResult(Key key, long version, boolean conflictDetected) {}
