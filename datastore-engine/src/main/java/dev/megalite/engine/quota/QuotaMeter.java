package dev.megalite.engine.quota;

import dev.megalite.api.Entity;
import dev.megalite.api.query.QueryResults;
import dev.megalite.engine.query.SizedQueryResults;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts one project's rate quotas (everything but stored data) and enforces the configured
 * limits. Thread-safe and lock-free: counts go to per-quota day and minute windows ({@link
 * RateCounter}); a limited quota is reserved before the work it pays for and refunded if that work
 * fails. Time comes from the injected {@link Clock}; CPU time from the calling thread's CPU clock.
 */
public final class QuotaMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_CLOCK =
      THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
  private static final QuotaMeter OFF = new QuotaMeter(QuotaConfig.unlimited(), Clock.systemUTC(),
      false);

  private final QuotaConfig config;
  private final Clock clock;
  private final boolean enabled;
  private final RateCounter[] counters = new RateCounter[Quota.values().length];
  private volatile QuotaDay day = new QuotaDay(0, 0);

  private QuotaMeter(QuotaConfig config, Clock clock, boolean enabled) {
    this.config = config;
    this.clock = clock;
    this.enabled = enabled;
    for (Quota q : Quota.values()) {
      counters[q.ordinal()] =
          new RateCounter(q, config.dailyLimit(q), config.perMinuteLimit(q));
    }
  }

  /** A meter counting against {@code config}, with days and minutes of {@code clock}. */
  public static QuotaMeter of(QuotaConfig config, Clock clock) {
    return new QuotaMeter(config, clock, true);
  }

  /** A meter that counts nothing: only for measuring what accounting costs. */
  public static QuotaMeter off() {
    return OFF;
  }

  public boolean enabled() {
    return enabled;
  }

  QuotaConfig config() {
    return config;
  }

  /**
   * Starts a datastore call: checks that CPU time is not used up, counts one API call (refused
   * when they are), and returns the thread's CPU clock for {@link #endCall(long)}.
   */
  public long beginCall() {
    if (!enabled) {
      return 0;
    }
    long now = clock.millis();
    long start = day(now).start();
    counters[Quota.CPU_TIME.ordinal()].checkAvailable(start, now);
    counters[Quota.API_CALLS.ordinal()].reserve(start, now, 1);
    return cpuClock();
  }

  /** Runs {@code call} as one datastore call, between {@link #beginCall()} and {@link #endCall}. */
  public <T> T call(Supplier<T> call) {
    long cpu = beginCall();
    try {
      return call.get();
    } finally {
      endCall(cpu);
    }
  }

  /** As {@link #call(Supplier)}, for a call without a result. */
  public void run(Runnable call) {
    long cpu = beginCall();
    try {
      call.run();
    } finally {
      endCall(cpu);
    }
  }

  /** Ends a call started by {@link #beginCall()}: charges the CPU time it took. */
  public void endCall(long cpuStart) {
    if (enabled && CPU_CLOCK) {
      charge(Quota.CPU_TIME, cpuClock() - cpuStart);
    }
  }

  /** Counts one API call that is not timed: steps that only buffer or drop work in memory. */
  public void countCall() {
    if (enabled) {
      reserve(Quota.API_CALLS, 1);
    }
  }

  /** Takes {@code n} of {@code quota}, or throws {@code OverQuotaException} and takes nothing. */
  public void reserve(Quota quota, long n) {
    if (enabled) {
      long now = clock.millis();
      counters[quota.ordinal()].reserve(day(now).start(), now, n);
    }
  }

  /** Adds {@code n} to {@code quota} without checking its limits (usage known only afterwards). */
  public void charge(Quota quota, long n) {
    if (enabled && n != 0) {
      long now = clock.millis();
      counters[quota.ordinal()].add(day(now).start(), now, n);
    }
  }

  /** Throws {@code OverQuotaException} if {@code quota} is already used up (today or this minute). */
  public void checkAvailable(Quota quota) {
    if (enabled) {
      long now = clock.millis();
      counters[quota.ordinal()].checkAvailable(day(now).start(), now);
    }
  }

  /**
   * Reserves what a commit costs, before it writes: write operations, deleted entities and bytes
   * sent. All or nothing: when one is refused, the others are given back.
   */
  public Reservation reserveCommit(long writeOps, long deletes, long sentBytes) {
    if (!enabled) {
      return Reservation.NONE;
    }
    long now = clock.millis();
    long start = day(now).start();
    Quota[] quotas = {Quota.ENTITY_WRITES, Quota.ENTITY_DELETES, Quota.DATA_SENT};
    long[] amounts = {writeOps, deletes, sentBytes};
    RateCounter.Window[][] taken = new RateCounter.Window[quotas.length][];
    try {
      for (int i = 0; i < quotas.length; i++) {
        taken[i] = counters[quotas[i].ordinal()].reserve(start, now, amounts[i]);
      }
    } catch (RuntimeException e) {
      new Reservation(taken, amounts).refund();
      throw e;
    }
    return new Reservation(taken, amounts);
  }

  /**
   * Meters query results: each result costs an entity read ({@code smallOps} false) or a small
   * operation (true), reserved before it is handed out, so the iterator stops with {@code
   * OverQuotaException} at the boundary; results skipped by an offset cost the same.
   */
  public QueryResults<Entity> results(SizedQueryResults results, boolean smallOps) {
    return enabled ? new MeteredResults(this, results, smallOps ? Quota.SMALL_OPS
        : Quota.ENTITY_READS) : results;
  }

  /**
   * Meters the rows an aggregation reads: an entity read per batch of up to 1,000 rows, at least
   * one, each reserved before the batch's first row.
   */
  public QueryResults<Entity> aggregationRows(QueryResults<Entity> rows) {
    return enabled ? new AggregationRows(this, rows) : rows;
  }

  /** The calling thread's CPU clock in nanoseconds (0 where the JVM has none). */
  long cpuClock() {
    return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** The quota day containing {@code now}. */
  QuotaDay day(long now) {
    QuotaDay d = day;
    if (!d.contains(now)) {
      d = QuotaDay.containing(now, config.resetZone(), config.resetTime());
      day = d;
    }
    return d;
  }

  /** The usage of today and this minute, with {@code stored} as the stored data. */
  public QuotaUsage usage(String projectId, StoredDataUsage stored) {
    long now = clock.millis();
    QuotaDay d = day(now);
    Map<String, QuotaStatus> quotas = new LinkedHashMap<>();
    for (RateCounter c : counters) {
      Quota q = c.quota();
      if (!q.isLevel()) {
        quotas.put(q.configName(), new QuotaStatus(q.unit(), c.usedOnDay(d.start()),
            c.usedInMinute(now), limit(c.dailyLimit()), limit(c.minuteLimit())));
      }
    }
    ZoneId zone = config.resetZone();
    return new QuotaUsage(projectId, zone.getId(), iso(d.start(), zone), iso(d.end(), zone),
        iso(Math.floorDiv(now, RateCounter.MINUTE) * RateCounter.MINUTE, zone), quotas, stored);
  }

  /** The daily counts, for saving: the day's start and each quota's count by config name. */
  DailyCounts dailyCounts() {
    long now = clock.millis();
    long start = day(now).start();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (RateCounter c : counters) {
      if (!c.quota().isLevel()) {
        counts.put(c.quota().configName(), c.usedOnDay(start));
      }
    }
    return new DailyCounts(start, counts);
  }

  /** Resumes saved daily counts if they are of the current quota day; otherwise ignores them. */
  void restore(DailyCounts saved) {
    long start = day(clock.millis()).start();
    if (!enabled || saved == null || saved.dayStart() != start) {
      return;
    }
    saved.counts().forEach((name, used) -> {
      Quota q = Quota.byConfigName(name);
      if (q != null && !q.isLevel()) {
        counters[q.ordinal()].restoreDay(start, used);
      }
    });
  }

  static long limit(long configured) {
    return configured == QuotaConfig.UNLIMITED ? QuotaUsage.UNLIMITED : configured;
  }

  private static String iso(long millis, ZoneId zone) {
    return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
  }

  /** Daily counts as saved: the quota day's start (epoch millis) and each quota's count. */
  record DailyCounts(long dayStart, Map<String, Long> counts) {}

  /** What a commit reserved; {@link #refund()} gives it back when the commit writes nothing. */
  public static final class Reservation {
    /** Nothing reserved. */
    public static final Reservation NONE = new Reservation(new RateCounter.Window[0][], new long[0]);

    private final RateCounter.Window[][] windows;
    private final long[] amounts;

    private Reservation(RateCounter.Window[][] windows, long[] amounts) {
      this.windows = windows;
      this.amounts = amounts;
    }

    public void refund() {
      for (int i = 0; i < windows.length; i++) {
        if (windows[i] != null) {
          for (RateCounter.Window w : windows[i]) {
            w.add(-amounts[i]);
          }
        }
      }
    }
  }
}
