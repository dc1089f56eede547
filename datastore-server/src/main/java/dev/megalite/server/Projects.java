package dev.megalite.server;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.engine.Limits;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import dev.megalite.engine.kv.rocks.RocksOptions;
import dev.megalite.engine.quota.QuotaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The datastores of the server, one per project, opened on first use: on disk each project lives
 * in {@code <data-dir>/<project>/store} with its {@code index.yaml} beside it. Requests run under
 * the read lock; {@link #reset(Runnable)} takes the write lock, so it never pulls a store from under a
 * request.
 */
final class Projects implements AutoCloseable {
  private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9.:_-]{0,99}");

  private final ServerOptions options;
  private final QuotaConfig quotas;
  private final Map<String, MegaliteDatastore> open = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  Projects(ServerOptions options) {
    this.options = options;
    // Read once at start, so a bad file is an error at start, not at some project's first request.
    this.quotas = options.quotaFile() == null ? null : QuotaConfig.fromYaml(options.quotaFile());
  }

  /** Runs {@code request} under the read lock: a reset or shutdown waits for it. */
  <T> T run(java.util.function.Supplier<T> request) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new dev.megalite.api.error.StorageException("the server is shutting down");
      }
      return request.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The datastore of {@code project}, opened (or created) on first use. */
  MegaliteDatastore get(String project) {
    if (project == null || project.isEmpty()) {
      throw new BadRequestException("the request names no project id");
    }
    MegaliteDatastore ds = open.get(project);
    if (ds != null) {
      return ds;
    }
    if (!PROJECT_ID.matcher(project).matches()) {
      throw new BadRequestException("project id '" + project + "' is not valid: use lowercase"
          + " letters, digits, '-', '.', ':' and '_' (at most 100 characters)");
    }
    synchronized (open) {
      return open.computeIfAbsent(project, this::openProject);
    }
  }

  private MegaliteDatastore openProject(String project) {
    MegaliteOptions.Builder b = MegaliteOptions.newBuilder()
        .projectId(project)
        .requireIndexes(options.requireIndexes())
        .limits("cloud".equals(options.limits()) ? Limits.cloud() : Limits.appEngine())
        .sync(options.sync())
        .consistency(options.consistency())
        .rollForwardDelay(options.rollForwardDelay())
        .rocksOptions(RocksOptions.defaults().toBuilder()
            .blockCacheBytes((long) options.blockCacheMb() << 20).build());
    if (quotas != null) {
      b.quotas(quotas);
    }
    Path indexFile = project.equals(options.project()) ? options.indexFile() : null;
    if (options.inMemory()) {
      b.inMemory();
    } else {
      Path dir = projectDir(project);
      b.dataDir(dir.resolve("store"));
      if (indexFile == null) {
        indexFile = dir.resolve("index.yaml");
      }
    }
    if (indexFile != null) {
      b.indexFile(indexFile);
    }
    return Megalite.open(b.build());
  }

  private Path projectDir(String project) {
    return options.dataDir().resolve(project.replace(':', '_'));
  }

  /** The datastores open now, by project. */
  Map<String, MegaliteDatastore> all() {
    return new java.util.TreeMap<>(open);
  }

  /**
   * Deletes every entity of every project, on disk too, and reopens nothing until asked. Index
   * files are kept: they are configuration, not data. {@code beforeClosing} runs under the write
   * lock first, so no request slips in between it and the stores closing (the server rolls back
   * its open transactions there: one begun in between would hold a closed store).
   */
  void reset(Runnable beforeClosing) {
    lock.writeLock().lock();
    try {
      beforeClosing.run();
      closeAll();
      if (!options.inMemory() && Files.isDirectory(options.dataDir())) {
        try (Stream<Path> dirs = Files.list(options.dataDir())) {
          for (Path d : dirs.toList()) {
            deleteTree(d.resolve("store"));
          }
        }
      }
      get(options.project()); // the others reopen on their next request
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the stored data: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Flushes every open datastore to stable storage. */
  void flush() {
    open.values().forEach(MegaliteDatastore::flush);
  }

  private void closeAll() {
    RuntimeException first = null;
    for (MegaliteDatastore ds : open.values()) {
      try {
        ds.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      closeAll();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
