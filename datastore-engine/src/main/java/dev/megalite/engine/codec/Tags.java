package dev.megalite.engine.codec;

/**
 * Type tags of tuple elements. Value tags ascend in App Engine's cross-type order: null <
 * integers and timestamps < booleans < strings and bytes < doubles < geo points < users < keys.
 */
final class Tags {
  /** Ends a key path; sorts before any path element, so an ancestor sorts before its children. */
  static final byte END = 0x00;

  static final byte PATH_ID = 0x01;
  static final byte PATH_NAME = 0x02;

  /** A name element (project, namespace, kind, property); not a value. */
  static final byte NAME = 0x08;

  static final byte NULL = 0x10;
  static final byte INT = 0x20;
  static final byte BOOLEAN = 0x30;
  static final byte STRING = 0x40;
  static final byte DOUBLE = 0x50;
  static final byte GEO = 0x60;
  static final byte USER = 0x70;
  static final byte KEY = (byte) 0x80;

  /** Meanings, kept in an index row's value, that tell apart values that order as one type. */
  static final int MEANING_PLAIN = 0;

  static final int MEANING_TIMESTAMP = 1;
  static final int MEANING_BYTES = 1;

  private Tags() {}
}
