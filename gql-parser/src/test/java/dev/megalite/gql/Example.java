package dev.megalite.gql;

import dev.megalite.api.query.GqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One example from {@code gql/valid/*.gql} or {@code gql/invalid/*.gql}: a query (one or more
 * lines) followed by {@code -- key: value} directives, blocks separated by blank lines, {@code #}
 * lines are comments. The dialect comes from the file name ({@code app-engine…} or {@code
 * cloud…}). Directives: {@code args} (see {@link Args}), {@code namespace}, {@code query} (the
 * bound query as {@link QueryText} renders it), {@code format} (the formatter's output), {@code
 * error} (the exact message).
 */
record Example(String file, int line, GqlDialect dialect, String text, Map<String, String> directives) {

  /** Parses (without the cache) and binds with the example's arguments and namespace. */
  BoundGql bind() {
    return Gql.parseUncached(text, dialect)
        .bind(Args.parse(directive("args")), Args.PROJECT, directive("namespace"));
  }

  String directive(String key) {
    return directives.get(key);
  }

  String name() {
    return file + ":" + line + " " + text.replace('\n', ' ');
  }

  static List<Example> load(String folder) {
    try {
      URL url = Example.class.getClassLoader().getResource("gql/" + folder);
      if (url == null) {
        throw new IllegalStateException("no resource folder gql/" + folder);
      }
      List<Example> out = new ArrayList<>();
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".gql")).sorted().toList()) {
          out.addAll(parse(folder + "/" + p.getFileName(), Files.readAllLines(p, StandardCharsets.UTF_8)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Example> parse(String file, List<String> lines) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    GqlDialect dialect;
    if (base.startsWith("app-engine")) {
      dialect = GqlDialect.APP_ENGINE;
    } else if (base.startsWith("cloud")) {
      dialect = GqlDialect.CLOUD;
    } else {
      throw new IllegalArgumentException(file + ": name must start with app-engine or cloud");
    }
    List<Example> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Map<String, String> directives = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "";
      if (line.isBlank()) {
        if (text.length() > 0) {
          out.add(new Example(file, start, dialect, text.toString(), Map.copyOf(directives)));
        } else if (!directives.isEmpty()) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": directives without a query");
        }
        text.setLength(0);
        directives.clear();
      } else if (line.startsWith("#")) {
        continue;
      } else if (line.startsWith("-- ")) {
        int colon = line.indexOf(':');
        directives.put(line.substring(3, colon).trim(), line.substring(colon + 1).strip());
      } else {
        if (text.length() == 0) {
          start = i + 1;
        } else {
          text.append('\n');
        }
        text.append(line);
      }
    }
    return out;
  }
}
