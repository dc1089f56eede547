package dev.megalite.engine.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes short UTF-8 names (property names, kinds, projects, namespaces) to strings, reusing the
 * string decoded last time for the same bytes. A datastore has few distinct names and reads them
 * over and over: the reuse spares a string, its copy and its hash code per name read.
 *
 * <p>Direct-mapped and bounded: {@value #SLOTS} slots, names of up to {@value #MAX_BYTES} bytes; a
 * colliding name replaces the one in its slot. Safe under concurrency without locks: a slot holds
 * an immutable {@link Entry} whose final fields publish it, so a racing reader sees a whole entry
 * or another one, and an entry is used only when its bytes equal the bytes read.
 */
final class NameCache {
  static final int SLOTS = 1024;
  static final int MAX_BYTES = 64;

  private static final NameCache SHARED = new NameCache();

  private final Entry[] slots = new Entry[SLOTS];

  private record Entry(byte[] utf8, String text) {}

  /** The cache every decoder uses. */
  static NameCache shared() {
    return SHARED;
  }

  /** The text of the UTF-8 bytes {@code b[from, from + length)}. */
  String text(byte[] b, int from, int length) {
    if (length > MAX_BYTES) {
      return new String(b, from, length, StandardCharsets.UTF_8);
    }
    int h = 0;
    for (int i = from, end = from + length; i < end; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    Entry e = slots[slot];
    if (e != null && sameBytes(e.utf8, b, from, length)) {
      return e.text;
    }
    String text = new String(b, from, length, StandardCharsets.UTF_8);
    slots[slot] = new Entry(Arrays.copyOfRange(b, from, from + length), text);
    return text;
  }

  /** A plain loop: for names this short, {@code Arrays.equals} over ranges costs more. */
  private static boolean sameBytes(byte[] cached, byte[] b, int from, int length) {
    if (cached.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (cached[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
