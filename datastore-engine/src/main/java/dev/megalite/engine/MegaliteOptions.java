package dev.megalite.engine;

import dev.megalite.api.error.BadRequestException;
import java.nio.file.Path;

/** How to open a Megalite store. Immutable; build with {@link #newBuilder()}. */
public final class MegaliteOptions {
  /** The project id used when none is given. */
  public static final String DEFAULT_PROJECT = "megalite";

  private final Path dataDir;
  private final String projectId;
  private final IdPolicy idPolicy;
  private final boolean sync;
  private final boolean emptyListSupport;

  private MegaliteOptions(Builder b) {
    this.dataDir = b.dataDir;
    this.projectId = b.projectId;
    this.idPolicy = b.idPolicy;
    this.sync = b.sync;
    this.emptyListSupport = b.emptyListSupport;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .dataDir(dataDir)
        .projectId(projectId)
        .idPolicy(idPolicy)
        .sync(sync)
        .emptyListSupport(emptyListSupport);
  }

  /** The RocksDB directory, or null for an in-memory store. */
  public Path dataDir() {
    return dataDir;
  }

  public String projectId() {
    return projectId;
  }

  public IdPolicy idPolicy() {
    return idPolicy;
  }

  /**
   * Whether every commit is fsynced before it returns. Off, a returned commit survives a process
   * crash (the write-ahead log is written) but not a power loss.
   */
  public boolean sync() {
    return sync;
  }

  /**
   * Whether an empty list is stored as an empty list. Off (App Engine's default), it is stored as
   * null, so {@code p = NULL} finds it; on, it is kept and, having no values, is invisible to
   * queries.
   */
  public boolean emptyListSupport() {
    return emptyListSupport;
  }

  /** Builds {@link MegaliteOptions}. */
  public static final class Builder {
    private Path dataDir;
    private String projectId = DEFAULT_PROJECT;
    private IdPolicy idPolicy = IdPolicy.SCATTERED;
    private boolean sync;
    private boolean emptyListSupport;

    private Builder() {}

    /** Where RocksDB keeps its files; null (the default) keeps everything in memory. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder inMemory() {
      this.dataDir = null;
      return this;
    }

    public Builder projectId(String projectId) {
      if (projectId == null || !projectId.matches("[A-Za-z0-9._~:-]{1,100}")) {
        throw new BadRequestException(
            "project id '" + projectId + "' is invalid: use 1 to 100 of [A-Za-z0-9._~:-]");
      }
      this.projectId = projectId;
      return this;
    }

    public Builder idPolicy(IdPolicy idPolicy) {
      this.idPolicy = idPolicy;
      return this;
    }

    public Builder sync(boolean sync) {
      this.sync = sync;
      return this;
    }

    public Builder emptyListSupport(boolean emptyListSupport) {
      this.emptyListSupport = emptyListSupport;
      return this;
    }

    public MegaliteOptions build() {
      return new MegaliteOptions(this);
    }
  }
}
