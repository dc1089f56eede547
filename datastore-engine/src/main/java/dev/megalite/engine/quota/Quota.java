package dev.megalite.engine.quota;

import java.util.Locale;

/** The quotas Megalite counts per project, with their configuration names and units. */
public enum Quota {
  /** Every datastore call: get, put, delete, allocateIds, query, aggregation, transaction step. */
  API_CALLS("calls"),
  /** Bytes sent to the datastore: the entity rows put and the keys deleted. */
  DATA_SENT("bytes"),
  /** Bytes received from the datastore: the rows behind every entity, key or projection returned. */
  DATA_RECEIVED("bytes"),
  /** Entity reads: one per key looked up, per query, and per full entity a query returns. */
  ENTITY_READS("reads"),
  /** Write operations, billed as App Engine did: 2 + 2 × indexed values + composite rows per put. */
  ENTITY_WRITES("write ops"),
  /** Entities deleted: one per key of a delete. */
  ENTITY_DELETES("deletes"),
  /** Small operations: keys-only and projection result rows, and allocateIds calls. */
  SMALL_OPS("small ops"),
  /** CPU time of the calling thread inside datastore calls, in nanoseconds. */
  CPU_TIME("ns"),
  /** Bytes stored: entity rows and index rows. A level: it never resets. */
  STORED_DATA("bytes");

  private final String unit;
  private final String configName;

  Quota(String unit) {
    this.unit = unit;
    this.configName = name().toLowerCase(Locale.ROOT);
  }

  /** The name in configuration files, usage snapshots and errors, e.g. {@code entity_writes}. */
  public String configName() {
    return configName;
  }

  public String unit() {
    return unit;
  }

  /** Whether this quota is a level (stored data) rather than a daily and per-minute rate. */
  public boolean isLevel() {
    return this == STORED_DATA;
  }

  /** The quota named {@code name} in configuration, or null. */
  public static Quota byConfigName(String name) {
    for (Quota q : values()) {
      if (q.configName.equals(name)) {
        return q;
      }
    }
    return null;
  }
}
