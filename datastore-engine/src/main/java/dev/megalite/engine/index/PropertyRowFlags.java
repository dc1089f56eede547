package dev.megalite.engine.index;

/** The one-byte value of a property index row: the value's meaning and a multi-valued flag. */
public final class PropertyRowFlags {
  private static final int MEANING_MASK = 0x03;
  private static final int MULTI = 0x04;

  private PropertyRowFlags() {}

  public static byte of(int meaning, boolean multiValued) {
    return (byte) ((meaning & MEANING_MASK) | (multiValued ? MULTI : 0));
  }

  public static int meaning(byte[] value) {
    return value.length == 0 ? 0 : value[0] & MEANING_MASK;
  }

  /** Whether the entity has more than one index value for this property. */
  public static boolean multiValued(byte[] value) {
    return value.length != 0 && (value[0] & MULTI) != 0;
  }
}
