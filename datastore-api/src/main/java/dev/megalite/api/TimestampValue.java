package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.time.Instant;

/**
 * A point in time in microseconds since the epoch, from 0001-01-01 to 9999-12-31 UTC. Orders with
 * integers on one number line, as App Engine's index does.
 */
public record TimestampValue(long micros, boolean indexed) implements Value {
  /** 0001-01-01T00:00:00Z in microseconds. */
  public static final long MIN_MICROS = -62_135_596_800_000_000L;
  /** 9999-12-31T23:59:59.999999Z in microseconds. */
  public static final long MAX_MICROS = 253_402_300_799_999_999L;

  public TimestampValue {
    if (micros < MIN_MICROS || micros > MAX_MICROS) {
      throw new BadRequestException(
          "timestamp " + micros + "µs is outside 0001-01-01..9999-12-31 UTC");
    }
  }

  /** The timestamp of {@code instant}, truncated to microseconds. */
  public static TimestampValue of(Instant instant) {
    if (instant == null) {
      throw new BadRequestException("timestamp value is null; use Value.ofNull()");
    }
    long seconds = instant.getEpochSecond();
    if (seconds < Math.floorDiv(MIN_MICROS, 1_000_000)
        || seconds > Math.floorDiv(MAX_MICROS, 1_000_000)) {
      throw new BadRequestException("timestamp " + instant + " is outside 0001-01-01..9999-12-31 UTC");
    }
    // Floor to the microsecond: an instant before the epoch never rounds forward in time.
    return new TimestampValue(seconds * 1_000_000 + instant.getNano() / 1_000, true);
  }

  public Instant toInstant() {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  @Override
  public ValueType type() {
    return ValueType.TIMESTAMP;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new TimestampValue(micros, indexed);
  }
}
