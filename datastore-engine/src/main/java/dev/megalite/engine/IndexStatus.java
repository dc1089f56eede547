package dev.megalite.engine;

import dev.megalite.index.IndexDefinition;

/**
 * A composite index and where it is: BUILDING (with how many existing entities were indexed so
 * far) or SERVING, and how often queries used it since the store opened.
 */
public record IndexStatus(IndexDefinition definition, String state, long entitiesIndexed, long uses) {}
