package dev.megalite.engine.quota;

import dev.megalite.api.error.OverQuotaException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One rate quota's counts: the current quota day and the current clock minute, each a window that
 * is replaced (so starts at zero) when time moves past it. An unlimited window counts in a {@link
 * LongAdder}, so concurrent callers do not contend; a limited one in an {@link AtomicLong} whose
 * compare-and-set reservation never lets two callers both take the last unit.
 */
final class RateCounter {
  static final long MINUTE = 60_000;

  private final Quota quota;
  private final long dailyLimit;
  private final long minuteLimit;
  private final AtomicReference<Window> day;
  private final AtomicReference<Window> minute;

  RateCounter(Quota quota, long dailyLimit, long minuteLimit) {
    this.quota = quota;
    this.dailyLimit = dailyLimit;
    this.minuteLimit = minuteLimit;
    this.day = new AtomicReference<>(new Window(Long.MIN_VALUE, dailyLimit));
    this.minute = new AtomicReference<>(new Window(Long.MIN_VALUE, minuteLimit));
  }

  Quota quota() {
    return quota;
  }

  long dailyLimit() {
    return dailyLimit;
  }

  long minuteLimit() {
    return minuteLimit;
  }

  boolean limited() {
    return dailyLimit != QuotaConfig.UNLIMITED || minuteLimit != QuotaConfig.UNLIMITED;
  }

  /** The day window starting at {@code dayStart}. */
  Window day(long dayStart) {
    return current(day, dayStart, dailyLimit);
  }

  /** The minute window containing epoch millisecond {@code now}. */
  Window minute(long now) {
    return current(minute, Math.floorDiv(now, MINUTE), minuteLimit);
  }

  /** The count of the day starting at {@code dayStart} (0 if nothing was counted in it yet). */
  long usedOnDay(long dayStart) {
    Window w = day.get();
    return w.period == dayStart ? w.used() : 0;
  }

  long usedInMinute(long now) {
    Window w = minute.get();
    return w.period == Math.floorDiv(now, MINUTE) ? w.used() : 0;
  }

  /** Starts the day at {@code dayStart} with {@code used} (restoring a saved count). */
  void restoreDay(long dayStart, long used) {
    Window w = new Window(dayStart, dailyLimit);
    w.add(used);
    day.set(w);
  }

  private static Window current(AtomicReference<Window> ref, long period, long limit) {
    Window w = ref.get();
    if (w.period >= period) {
      return w; // the current window (or a clock that went back: keep counting in the newer one)
    }
    Window fresh = new Window(period, limit);
    return ref.compareAndSet(w, fresh) ? fresh : ref.get();
  }

  /** Adds {@code n} to both windows without checking the limits. */
  void add(long dayStart, long now, long n) {
    day(dayStart).add(n);
    minute(now).add(n);
  }

  /**
   * Takes {@code n} from both windows, or throws {@link OverQuotaException} naming the window that
   * has not enough left and takes nothing. Returns the windows charged, for a refund.
   */
  Window[] reserve(long dayStart, long now, long n) {
    Window d = day(dayStart);
    Window m = minute(now);
    long refused = d.reserve(n);
    if (refused >= 0) {
      throw over("daily", dailyLimit, refused, n);
    }
    refused = m.reserve(n);
    if (refused >= 0) {
      d.add(-n);
      throw over("per-minute", minuteLimit, refused, n);
    }
    return new Window[] {d, m};
  }

  /** Throws when a window is already at or past its limit (for quotas charged after the call). */
  void checkAvailable(long dayStart, long now) {
    Window d = day(dayStart);
    if (d.limit != QuotaConfig.UNLIMITED && d.used() >= d.limit) {
      throw over("daily", dailyLimit, d.used(), 1);
    }
    Window m = minute(now);
    if (m.limit != QuotaConfig.UNLIMITED && m.used() >= m.limit) {
      throw over("per-minute", minuteLimit, m.used(), 1);
    }
  }

  private OverQuotaException over(String window, long limit, long used, long n) {
    return new OverQuotaException(quota.configName(), window, limit, used, n, quota.unit());
  }

  /** The count of one day or one minute. */
  static final class Window {
    final long period;
    final long limit;
    private final AtomicLong exact;
    private final LongAdder loose;

    Window(long period, long limit) {
      this.period = period;
      this.limit = limit;
      this.exact = limit == QuotaConfig.UNLIMITED ? null : new AtomicLong();
      this.loose = limit == QuotaConfig.UNLIMITED ? new LongAdder() : null;
    }

    long used() {
      return exact != null ? exact.get() : loose.sum();
    }

    void add(long n) {
      if (exact != null) {
        exact.addAndGet(n);
      } else {
        loose.add(n);
      }
    }

    /** Takes {@code n}; returns -1 when taken, else the usage that left too little. */
    long reserve(long n) {
      if (exact == null) {
        loose.add(n);
        return -1;
      }
      while (true) {
        long used = exact.get();
        if (used + n > limit) {
          return used;
        }
        if (exact.compareAndSet(used, used + n)) {
          return -1;
        }
      }
    }
  }
}
