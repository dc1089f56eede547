package dev.megalite.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of every run written to one {@code --out} directory, one tab-separated line per
 * operation or fact: {@code size, system, } then {@link SystemResult}'s line. Runs add to it, so
 * a chart can show sizes measured in separate runs (the 10-million-entity run has a JVM of its
 * own); where a size and system were measured again, the later figures win.
 */
final class ResultsFile {
  private ResultsFile() {}

  /** Adds {@code results} to {@code file} and returns everything the file now holds. */
  static List<SystemResult> append(Path file, List<SystemResult> results) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (SystemResult r : results) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        r.print(ps);
      }
      for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          sb.append(r.size()).append('\t').append(r.system()).append('\t').append(line)
              .append('\n');
        }
      }
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return read(file);
  }

  static List<SystemResult> read(Path file) throws IOException {
    Map<String, SystemResult> bySizeAndSystem = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      int size = Integer.parseInt(f[0]);
      bySizeAndSystem.computeIfAbsent(f[0] + "/" + f[1], k -> new SystemResult(f[1], size))
          .read(f[2]);
    }
    return new ArrayList<>(bySizeAndSystem.values());
  }
}
