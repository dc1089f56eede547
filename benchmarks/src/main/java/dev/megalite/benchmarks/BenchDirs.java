package dev.megalite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directories of one run: a new, uniquely named directory (under {@code --dir} when given, else
 * under the system temporary directory) holding one fresh RocksDB directory per store. Only that
 * directory is ever deleted, so pointing {@code --dir} at a directory with other files is safe.
 */
final class BenchDirs implements AutoCloseable {
  private final Path root;
  private final boolean keep;

  private BenchDirs(Path root, boolean keep) {
    this.root = root;
    this.keep = keep;
  }

  static BenchDirs create(Path parent, boolean keep) {
    try {
      Path root;
      if (parent == null) {
        root = Files.createTempDirectory("megalite-bench-");
      } else {
        Files.createDirectories(parent);
        root = Files.createTempDirectory(parent, "megalite-bench-");
      }
      return new BenchDirs(root, keep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path for a new store named {@code name}; RocksDB creates it. */
  Path store(String name) {
    return root.resolve(name);
  }

  Path root() {
    return root;
  }

  /** Deletes one store's directory now, to give its disk space and page cache back early. */
  void delete(String name) {
    deleteTree(root.resolve(name));
  }

  /** Deletes a measured store's directory unless the run keeps its stores. */
  void done(String name) {
    if (!keep) {
      delete(name);
    }
  }

  @Override
  public void close() {
    if (!keep) {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
