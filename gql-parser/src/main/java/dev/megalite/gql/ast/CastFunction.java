package dev.megalite.gql.ast;

/** The synthetic literals ("casts") both dialects write as {@code NAME(arguments)}. */
public enum CastFunction {
  KEY,
  PROJECT,
  NAMESPACE,
  BLOB,
  DATETIME,
  DATE,
  TIME,
  GEOPT,
  USER
}
