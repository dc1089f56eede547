package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.time.Duration;

/**
 * How a transaction behaves: cross-group (up to 25 entity groups instead of one), read-only,
 * how often {@code runInTransaction} retries on contention, and when it expires. Immutable.
 */
public final class TransactionOptions {
  /** The most entity groups one cross-group transaction may touch. */
  public static final int MAX_CROSS_GROUP_ENTITY_GROUPS = 25;

  private static final TransactionOptions DEFAULTS = newBuilder().build();

  private final boolean crossGroup;
  private final boolean readOnly;
  private final int retries;
  private final Duration deadline;

  private TransactionOptions(Builder b) {
    this.crossGroup = b.crossGroup;
    this.readOnly = b.readOnly;
    this.retries = b.retries;
    this.deadline = b.deadline;
  }

  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().crossGroup(crossGroup).readOnly(readOnly).retries(retries).deadline(deadline);
  }

  public boolean crossGroup() {
    return crossGroup;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** How many times {@code runInTransaction} retries after a concurrent modification. */
  public int retries() {
    return retries;
  }

  /** How long after it begins the transaction expires. */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public String toString() {
    return "TransactionOptions{crossGroup=" + crossGroup + ", readOnly=" + readOnly + ", retries="
        + retries + ", deadline=" + deadline + "}";
  }

  /** Builds {@link TransactionOptions}. */
  public static final class Builder {
    private boolean crossGroup;
    private boolean readOnly;
    private int retries = 3;
    private Duration deadline = Duration.ofSeconds(60);

    private Builder() {}

    /** Allows up to 25 entity groups (App Engine's XG transactions). */
    public Builder crossGroup(boolean crossGroup) {
      this.crossGroup = crossGroup;
      return this;
    }

    /** Reads only: writes are refused, and commit never conflicts. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    public Builder retries(int retries) {
      if (retries < 0) {
        throw new BadRequestException("transaction retries " + retries + " is negative");
      }
      this.retries = retries;
      return this;
    }

    public Builder deadline(Duration deadline) {
      if (deadline == null || deadline.isNegative() || deadline.isZero()) {
        throw new BadRequestException("transaction deadline " + deadline + " is not positive");
      }
      this.deadline = deadline;
      return this;
    }

    public TransactionOptions build() {
      return new TransactionOptions(this);
    }
  }
}
