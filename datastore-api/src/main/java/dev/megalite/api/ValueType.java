package dev.megalite.api;

/** The type of a {@link Value}. */
public enum ValueType {
  NULL,
  INTEGER,
  DOUBLE,
  BOOLEAN,
  STRING,
  BYTES,
  TIMESTAMP,
  KEY,
  GEO_POINT,
  USER,
  ENTITY,
  LIST
}
