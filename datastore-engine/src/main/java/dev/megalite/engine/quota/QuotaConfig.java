package dev.megalite.engine.quota;

import dev.megalite.api.error.BadRequestException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Which quotas are enforced, and when the day starts. Immutable; build with {@link #newBuilder()},
 * start from {@link #appEngineFree()}, or read a YAML file with {@link #fromYaml(Path)}. Every quota
 * is counted whatever the configuration; only the limits set here are enforced. Rate quotas have
 * an optional daily and an optional per-minute limit; stored data has an optional level.
 */
public final class QuotaConfig {
  /** No limit. */
  public static final long UNLIMITED = Long.MAX_VALUE;
  /** App Engine reset daily quotas at midnight US/Pacific. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Los_Angeles");

  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;
  private static final long HOUR_NANOS = 3_600_000_000_000L;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final long[] daily;
  private final long[] perMinute;
  private final ZoneId resetZone;
  private final LocalTime resetTime;

  private QuotaConfig(Builder b) {
    this.daily = b.daily.clone();
    this.perMinute = b.perMinute.clone();
    this.resetZone = b.resetZone;
    this.resetTime = b.resetTime;
  }

  /** Counts everything and enforces nothing; the day starts at midnight US/Pacific. */
  public static QuotaConfig unlimited() {
    return newBuilder().build();
  }

  /**
   * A preset modelled on App Engine's free daily quotas: the 2009 free quotas for API calls, data
   * sent and received, CPU time and stored data (1 GiB), with their per-minute maximum rates, and
   * today's Cloud Datastore free operations per day (50,000 entity reads, 20,000 writes, 20,000
   * deletes; small operations free). Sources and unconfirmed figures: {@code docs/quotas.md}.
   */
  public static QuotaConfig appEngineFree() {
    return newBuilder()
        .daily(Quota.API_CALLS, 10_000_000).perMinute(Quota.API_CALLS, 57_000)
        .daily(Quota.DATA_SENT, 12 * GIB).perMinute(Quota.DATA_SENT, 68 * MIB)
        .daily(Quota.DATA_RECEIVED, 115 * GIB).perMinute(Quota.DATA_RECEIVED, 659 * MIB)
        .daily(Quota.CPU_TIME, 60 * HOUR_NANOS).perMinute(Quota.CPU_TIME, 20 * MINUTE_NANOS)
        .storedData(GIB)
        .daily(Quota.ENTITY_READS, 50_000)
        .daily(Quota.ENTITY_WRITES, 20_000)
        .daily(Quota.ENTITY_DELETES, 20_000)
        .build();
  }

  /** The preset named {@code name}: {@code none} ({@link #unlimited()}) or {@code appengine_free}. */
  public static QuotaConfig preset(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "none":
        return unlimited();
      case "appengine_free":
        return appEngineFree();
      default:
        throw new BadRequestException(
            "quota preset '" + name + "' is unknown; use none or appengine_free");
    }
  }

  /** Reads a quota file; see {@code docs/quotas.md} for the format. Errors name the key. */
  public static QuotaConfig fromYaml(Path file) {
    return QuotaYaml.read(file);
  }

  /** Parses quota YAML text; see {@link #fromYaml(Path)}. */
  public static QuotaConfig parseYaml(String text) {
    return QuotaYaml.parse(text, "quota configuration");
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    System.arraycopy(daily, 0, b.daily, 0, daily.length);
    System.arraycopy(perMinute, 0, b.perMinute, 0, perMinute.length);
    return b.resetZone(resetZone).resetTime(resetTime);
  }

  /** The daily limit of a rate quota ({@link #UNLIMITED} for none). */
  public long dailyLimit(Quota quota) {
    return quota.isLevel() ? UNLIMITED : daily[quota.ordinal()];
  }

  /** The per-minute limit of a rate quota ({@link #UNLIMITED} for none). */
  public long perMinuteLimit(Quota quota) {
    return perMinute[quota.ordinal()];
  }

  /** The most bytes that may be stored ({@link #UNLIMITED} for no limit). */
  public long storedDataLimit() {
    return daily[Quota.STORED_DATA.ordinal()];
  }

  /** The zone whose local {@link #resetTime()} starts each quota day. */
  public ZoneId resetZone() {
    return resetZone;
  }

  public LocalTime resetTime() {
    return resetTime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuotaConfig c
        && Arrays.equals(daily, c.daily)
        && Arrays.equals(perMinute, c.perMinute)
        && resetZone.equals(c.resetZone)
        && resetTime.equals(c.resetTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(daily), Arrays.hashCode(perMinute), resetZone, resetTime);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("QuotaConfig{reset ")
        .append(resetTime).append(' ').append(resetZone);
    for (Quota q : Quota.values()) {
      long d = daily[q.ordinal()];
      long m = perMinute[q.ordinal()];
      if (d != UNLIMITED || m != UNLIMITED) {
        s.append(", ").append(q.configName()).append(' ')
            .append(d == UNLIMITED ? "-" : Long.toString(d)).append('/')
            .append(m == UNLIMITED ? "-" : Long.toString(m));
      }
    }
    return s.append('}').toString();
  }

  /** Builds a {@link QuotaConfig}; everything starts unlimited. */
  public static final class Builder {
    private final long[] daily = new long[Quota.values().length];
    private final long[] perMinute = new long[Quota.values().length];
    private ZoneId resetZone = DEFAULT_ZONE;
    private LocalTime resetTime = LocalTime.MIDNIGHT;

    private Builder() {
      Arrays.fill(daily, UNLIMITED);
      Arrays.fill(perMinute, UNLIMITED);
    }

    /** Limits {@code quota} per day ({@link #UNLIMITED} removes the limit). */
    public Builder daily(Quota quota, long limit) {
      rate(quota, "daily");
      daily[quota.ordinal()] = check(quota, limit);
      return this;
    }

    /** Limits {@code quota} per clock minute ({@link #UNLIMITED} removes the limit). */
    public Builder perMinute(Quota quota, long limit) {
      rate(quota, "per-minute");
      perMinute[quota.ordinal()] = check(quota, limit);
      return this;
    }

    /** Limits the bytes stored (entity and index rows); {@link #UNLIMITED} removes the limit. */
    public Builder storedData(long bytes) {
      daily[Quota.STORED_DATA.ordinal()] = check(Quota.STORED_DATA, bytes);
      return this;
    }

    public Builder resetZone(ZoneId zone) {
      if (zone == null) {
        throw new BadRequestException("the quota reset zone is null");
      }
      this.resetZone = zone;
      return this;
    }

    /** The local time of {@link #resetZone} at which each quota day starts (midnight by default). */
    public Builder resetTime(LocalTime time) {
      if (time == null) {
        throw new BadRequestException("the quota reset time is null");
      }
      this.resetTime = time;
      return this;
    }

    public QuotaConfig build() {
      return new QuotaConfig(this);
    }

    private static void rate(Quota quota, String window) {
      if (quota == null) {
        throw new BadRequestException("the quota is null");
      }
      if (quota.isLevel()) {
        throw new BadRequestException(quota.configName() + " is a level, not a rate: it has no "
            + window + " limit; set it with storedData(bytes)");
      }
    }

    private static long check(Quota quota, long limit) {
      if (limit < 0) {
        throw new BadRequestException(
            quota.configName() + " limit is " + limit + "; it must be 0 or more");
      }
      return limit;
    }
  }
}
