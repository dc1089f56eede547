package dev.megalite.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one system at one size in a child JVM with its own {@code -Xmx}, and reads its result
 * lines back. The child's diagnostics go straight to this process's standard error.
 */
final class ChildJvm {
  private ChildJvm() {}

  static SystemResult run(BenchConfig cfg, BenchSystem system, int size) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaCommand());
    cmd.add("-Xmx" + cfg.heap(system, size));
    cmd.addAll(cfg.jvmArgs());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(FoundationBenchmark.class.getName());
    cmd.addAll(cfg.childArgs(system, size));
    SystemResult r = new SystemResult(system.id(), size);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (!r.read(line)) {
            System.out.println(line);
          }
        }
      }
      int exit = p.waitFor();
      if (exit != 0) {
        r.fact("failed", "child JVM exited with " + exit + " (see its output above)");
        System.out.println(system.label() + " at " + size + ": child JVM exited with " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + system.label() + " ran", e);
    }
    return r;
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
