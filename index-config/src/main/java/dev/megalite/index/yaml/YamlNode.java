package dev.megalite.index.yaml;

import java.util.List;

/** A parsed YAML value that remembers where it started (1-based line and column). */
sealed interface YamlNode {
  int line();

  int column();

  /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null}) or an empty one. */
  record Scalar(String text, int line, int column) implements YamlNode {}

  /** A sequence; {@code flow} when written {@code [a, b]} rather than as {@code - } lines. */
  record Sequence(List<YamlNode> items, boolean flow, int line, int column) implements YamlNode {}

  /** A mapping with string keys, in document order. */
  record Mapping(List<Entry> entries, int line, int column) implements YamlNode {}

  /** One key of a mapping, the line the key is on, and its value. */
  record Entry(String key, int line, YamlNode value) {}

  /** What a node is, for messages. */
  static String describe(YamlNode node) {
    if (node instanceof Scalar s) {
      return s.text() == null ? "nothing" : "'" + s.text() + "'";
    }
    return node instanceof Sequence ? "a list" : "a mapping";
  }
}
