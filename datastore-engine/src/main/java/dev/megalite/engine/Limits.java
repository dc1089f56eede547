package dev.megalite.engine;

import dev.megalite.api.error.BadRequestException;
import java.util.Locale;

/**
 * The fixed limits every call is checked against before anything is written. Profiles: {@link
 * #appEngine()} (the default: the figures App Engine documented in 2009, plus the later ones it
 * kept) and {@link #cloud()} (today's Cloud Datastore); every figure can be set on its own.
 * Immutable.
 */
public final class Limits {
  /** No limit. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private final String profile;
  private final int maxEntityBytes;
  private final int maxIndexEntriesPerEntity;
  private final int maxEntitiesPerPut;
  private final int maxKeysPerDelete;
  private final int maxKeysPerGet;
  private final int maxQueryOffset;
  private final int maxIndexedStringBytes;
  private final int maxKeyBytes;
  private final int maxEntityGroupsPerTransaction;
  private final int maxCompositeIndexes;
  private final int maxFiltersAndSorts;
  private final int maxInValues;

  private Limits(Builder b) {
    this.profile = b.profile;
    this.maxEntityBytes = b.maxEntityBytes;
    this.maxIndexEntriesPerEntity = b.maxIndexEntriesPerEntity;
    this.maxEntitiesPerPut = b.maxEntitiesPerPut;
    this.maxKeysPerDelete = b.maxKeysPerDelete;
    this.maxKeysPerGet = b.maxKeysPerGet;
    this.maxQueryOffset = b.maxQueryOffset;
    this.maxIndexedStringBytes = b.maxIndexedStringBytes;
    this.maxKeyBytes = b.maxKeyBytes;
    this.maxEntityGroupsPerTransaction = b.maxEntityGroupsPerTransaction;
    this.maxCompositeIndexes = b.maxCompositeIndexes;
    this.maxFiltersAndSorts = b.maxFiltersAndSorts;
    this.maxInValues = b.maxInValues;
  }

  /**
   * App Engine's: entity ≤ 1 MiB, ≤ 1,000 index entries per entity, ≤ 500 entities per put or
   * delete, ≤ 1,000 keys per get, offset ≤ 1,000, indexed strings ≤ 1,500 bytes, keys ≤ 6 KiB,
   * ≤ 25 entity groups per transaction, ≤ 200 composite indexes, ≤ 100 filters and sorts, ≤ 30
   * values in IN / NOT IN.
   */
  public static Limits appEngine() {
    return new Builder("appengine").build();
  }

  /** Cloud Datastore's: as App Engine's, but 20,000 index entries per entity and no offset cap. */
  public static Limits cloud() {
    return new Builder("cloud")
        .maxEntityBytes(1_048_572)
        .maxIndexEntriesPerEntity(20_000)
        .maxQueryOffset(UNLIMITED)
        .build();
  }

  /** The profile by name: {@code appengine} or {@code cloud}. */
  public static Limits profile(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "appengine":
        return appEngine();
      case "cloud":
        return cloud();
      default:
        throw new BadRequestException(
            "limits profile '" + name + "' is unknown; use appengine or cloud");
    }
  }

  public Builder toBuilder() {
    Builder b = new Builder(profile + " (changed)");
    b.maxEntityBytes = maxEntityBytes;
    b.maxIndexEntriesPerEntity = maxIndexEntriesPerEntity;
    b.maxEntitiesPerPut = maxEntitiesPerPut;
    b.maxKeysPerDelete = maxKeysPerDelete;
    b.maxKeysPerGet = maxKeysPerGet;
    b.maxQueryOffset = maxQueryOffset;
    b.maxIndexedStringBytes = maxIndexedStringBytes;
    b.maxKeyBytes = maxKeyBytes;
    b.maxEntityGroupsPerTransaction = maxEntityGroupsPerTransaction;
    b.maxCompositeIndexes = maxCompositeIndexes;
    b.maxFiltersAndSorts = maxFiltersAndSorts;
    b.maxInValues = maxInValues;
    return b;
  }

  public String profileName() {
    return profile;
  }

  public int maxEntityBytes() {
    return maxEntityBytes;
  }

  public int maxIndexEntriesPerEntity() {
    return maxIndexEntriesPerEntity;
  }

  public int maxEntitiesPerPut() {
    return maxEntitiesPerPut;
  }

  public int maxKeysPerDelete() {
    return maxKeysPerDelete;
  }

  public int maxKeysPerGet() {
    return maxKeysPerGet;
  }

  public int maxQueryOffset() {
    return maxQueryOffset;
  }

  public int maxIndexedStringBytes() {
    return maxIndexedStringBytes;
  }

  public int maxKeyBytes() {
    return maxKeyBytes;
  }

  public int maxEntityGroupsPerTransaction() {
    return maxEntityGroupsPerTransaction;
  }

  public int maxCompositeIndexes() {
    return maxCompositeIndexes;
  }

  public int maxFiltersAndSorts() {
    return maxFiltersAndSorts;
  }

  public int maxInValues() {
    return maxInValues;
  }

  @Override
  public String toString() {
    return "Limits(" + profile + ")";
  }

  /** Builds {@link Limits}, starting from App Engine's figures. */
  public static final class Builder {
    private final String profile;
    private int maxEntityBytes = 1_048_576;
    private int maxIndexEntriesPerEntity = 1_000;
    private int maxEntitiesPerPut = 500;
    private int maxKeysPerDelete = 500;
    private int maxKeysPerGet = 1_000;
    private int maxQueryOffset = 1_000;
    private int maxIndexedStringBytes = 1_500;
    private int maxKeyBytes = 6_144;
    private int maxEntityGroupsPerTransaction = 25;
    private int maxCompositeIndexes = 200;
    private int maxFiltersAndSorts = 100;
    private int maxInValues = 30;

    private Builder(String profile) {
      this.profile = profile;
    }

    private static int positive(String what, int v) {
      if (v <= 0) {
        throw new BadRequestException("limit " + what + " must be positive, not " + v);
      }
      return v;
    }

    public Builder maxEntityBytes(int v) {
      maxEntityBytes = positive("maxEntityBytes", v);
      return this;
    }

    public Builder maxIndexEntriesPerEntity(int v) {
      maxIndexEntriesPerEntity = positive("maxIndexEntriesPerEntity", v);
      return this;
    }

    public Builder maxEntitiesPerPut(int v) {
      maxEntitiesPerPut = positive("maxEntitiesPerPut", v);
      return this;
    }

    public Builder maxKeysPerDelete(int v) {
      maxKeysPerDelete = positive("maxKeysPerDelete", v);
      return this;
    }

    public Builder maxKeysPerGet(int v) {
      maxKeysPerGet = positive("maxKeysPerGet", v);
      return this;
    }

    public Builder maxQueryOffset(int v) {
      maxQueryOffset = positive("maxQueryOffset", v);
      return this;
    }

    public Builder maxIndexedStringBytes(int v) {
      maxIndexedStringBytes = positive("maxIndexedStringBytes", v);
      return this;
    }

    public Builder maxKeyBytes(int v) {
      maxKeyBytes = positive("maxKeyBytes", v);
      return this;
    }

    public Builder maxEntityGroupsPerTransaction(int v) {
      maxEntityGroupsPerTransaction = positive("maxEntityGroupsPerTransaction", v);
      return this;
    }

    public Builder maxCompositeIndexes(int v) {
      maxCompositeIndexes = positive("maxCompositeIndexes", v);
      return this;
    }

    public Builder maxFiltersAndSorts(int v) {
      maxFiltersAndSorts = positive("maxFiltersAndSorts", v);
      return this;
    }

    public Builder maxInValues(int v) {
      maxInValues = positive("maxInValues", v);
      return this;
    }

    public Limits build() {
      return new Limits(this);
    }
  }
}
