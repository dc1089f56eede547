package dev.megalite.server;

import java.nio.file.Path;

/**
 * How an emulator server runs: where it listens, where and whether it stores, and the engine
 * options every project's datastore gets. Immutable; built with {@link #newBuilder()}.
 */
public final class ServerOptions {
  /** The largest request body accepted, as Cloud Datastore's API request limit (10 MiB). */
  public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

  private final String host;
  private final int port;
  private final Path dataDir;
  private final boolean inMemory;
  private final String project;
  private final Path indexFile;
  private final boolean requireIndexes;
  private final double consistency;
  private final java.time.Duration rollForwardDelay;
  private final String limits;
  private final Path quotaFile;
  private final boolean sync;
  private final int blockCacheMb;

  private ServerOptions(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.dataDir = b.dataDir;
    this.inMemory = b.inMemory;
    this.project = b.project;
    this.indexFile = b.indexFile;
    this.requireIndexes = b.requireIndexes;
    this.consistency = b.consistency;
    this.rollForwardDelay = b.rollForwardDelay;
    this.limits = b.limits;
    this.quotaFile = b.quotaFile;
    this.sync = b.sync;
    this.blockCacheMb = b.blockCacheMb;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The address to bind (loopback unless told otherwise). */
  public String host() {
    return host;
  }

  /** The port to bind; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** The directory holding one folder per project (ignored in memory). */
  public Path dataDir() {
    return dataDir;
  }

  public boolean inMemory() {
    return inMemory;
  }

  /** The project `env-init` names and the one opened at start. Requests may name any project. */
  public String project() {
    return project;
  }

  /** The default project's index file; null for {@code <data-dir>/<project>/index.yaml}. */
  public Path indexFile() {
    return indexFile;
  }

  public boolean requireIndexes() {
    return requireIndexes;
  }

  /** The fraction of entity-group writes global queries see at once (1.0: all, strong). */
  public double consistency() {
    return consistency;
  }

  /** How long an unapplied write stays invisible to global queries if nothing reads its group. */
  public java.time.Duration rollForwardDelay() {
    return rollForwardDelay;
  }

  /** The limits profile: {@code appengine} or {@code cloud}. */
  public String limits() {
    return limits;
  }

  /** The quota configuration file; null to count quotas without enforcing them. */
  public Path quotaFile() {
    return quotaFile;
  }

  public boolean sync() {
    return sync;
  }

  /**
   * The RocksDB block cache of each project's store, in MiB: native memory, outside the Java heap,
   * traded for gets that stay fast once the data outgrows it.
   */
  public int blockCacheMb() {
    return blockCacheMb;
  }

  /** Builds {@link ServerOptions}. */
  public static final class Builder {
    private String host = "localhost";
    private int port = 8081;
    private Path dataDir = Path.of("data", "emulator");
    private boolean inMemory;
    private String project = "megalite";
    private Path indexFile;
    private boolean requireIndexes;
    private double consistency = 1.0;
    private java.time.Duration rollForwardDelay =
        dev.megalite.engine.MegaliteOptions.DEFAULT_ROLL_FORWARD_DELAY;
    private String limits = "appengine";
    private Path quotaFile;
    private boolean sync;
    private int blockCacheMb =
        (int) (dev.megalite.engine.kv.rocks.RocksOptions.defaults().blockCacheBytes() >> 20);

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      this.port = port;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    public Builder project(String project) {
      if (project == null || project.isEmpty()) {
        throw new IllegalArgumentException("the project id is empty");
      }
      this.project = project;
      return this;
    }

    public Builder indexFile(Path indexFile) {
      this.indexFile = indexFile;
      return this;
    }

    public Builder requireIndexes(boolean requireIndexes) {
      this.requireIndexes = requireIndexes;
      return this;
    }

    public Builder consistency(double consistency) {
      if (!(consistency >= 0.0 && consistency <= 1.0)) {
        throw new IllegalArgumentException(
            "consistency " + consistency + " is outside 0.0..1.0");
      }
      this.consistency = consistency;
      return this;
    }

    public Builder rollForwardDelay(java.time.Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("roll-forward delay " + delay + " is negative");
      }
      this.rollForwardDelay = delay;
      return this;
    }

    public Builder limits(String limits) {
      if (!"appengine".equals(limits) && !"cloud".equals(limits)) {
        throw new IllegalArgumentException(
            "limits profile '" + limits + "' is neither 'appengine' nor 'cloud'");
      }
      this.limits = limits;
      return this;
    }

    public Builder quotaFile(Path quotaFile) {
      this.quotaFile = quotaFile;
      return this;
    }

    public Builder sync(boolean sync) {
      this.sync = sync;
      return this;
    }

    public Builder blockCacheMb(int blockCacheMb) {
      if (blockCacheMb < 0) {
        throw new IllegalArgumentException(
            "block cache of " + blockCacheMb + " MiB; it must be at least 0");
      }
      this.blockCacheMb = blockCacheMb;
      return this;
    }

    public ServerOptions build() {
      if (!inMemory && dataDir == null) {
        throw new IllegalArgumentException("a data directory is needed unless in memory");
      }
      return new ServerOptions(this);
    }
  }
}
