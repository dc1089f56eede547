package dev.megalite.engine.query;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cursor bytes: a format byte, the query's fingerprint, then the position of the last result in
 * the query's order. A cursor of another query is refused instead of silently misread.
 */
final class Cursors {
  private static final byte FORMAT = 1;

  private Cursors() {}

  static Cursor of(long fingerprint, byte[] position) {
    return Cursor.of(
        ByteBuffer.allocate(9 + position.length).put(FORMAT).putLong(fingerprint).put(position)
            .array());
  }

  /** The position in {@code cursor}, checked against the query's {@code fingerprint}. */
  static byte[] position(Cursor cursor, long fingerprint, String which) {
    byte[] b = cursor.toByteArray();
    if (b.length < 9 || b[0] != FORMAT) {
      throw new BadRequestException(which + " cursor is not a Megalite cursor");
    }
    if (ByteBuffer.wrap(b, 1, 8).getLong() != fingerprint) {
      throw new BadRequestException(
          which + " cursor was made by a different query (cursors resume only the query that"
              + " returned them: same kind, filters, orders and projection)");
    }
    return Arrays.copyOfRange(b, 9, b.length);
  }
}
