package dev.megalite.index.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.megalite.index.ConfigText;
import dev.megalite.index.IndexConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s with line numbers, through Jackson's streaming parser
 * (a tree of Jackson's own would lose the locations). The only class that sees Jackson.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private final String source;
  private final String text;
  private final JsonParser parser;

  private YamlTree(String source, String text, JsonParser parser) {
    this.source = source;
    this.text = text;
    this.parser = parser;
  }

  /** The single document in {@code text}, or null when it is empty (or only comments). */
  static YamlNode parse(String text, String source) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      YamlTree tree = new YamlTree(source, text, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      YamlNode root = tree.value(first);
      if (parser.nextToken() != null) {
        throw new IndexConfigException(
            source, tree.line(), "", "more than one YAML document; the file must hold one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string cannot fail", e);
    }
  }

  private YamlNode value(JsonToken token) throws IOException {
    int line = line();
    int column = column();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new IndexConfigException(
          source, line, "", "YAML aliases (*" + parser.getText() + ") are not supported here");
    }
    switch (token) {
      case START_OBJECT -> {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line();
          if (!keys.add(key)) {
            throw new IndexConfigException(source, keyLine, key, "duplicate field '" + key + "'");
          }
          entries.add(new YamlNode.Entry(key, keyLine, value(parser.nextToken())));
        }
        expect(t, JsonToken.END_OBJECT);
        return new YamlNode.Mapping(List.copyOf(entries), line, column);
      }
      case START_ARRAY -> {
        boolean flow = startsWith(line, column, '[');
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            expect(t, JsonToken.END_ARRAY);
          }
          items.add(value(t));
        }
        return new YamlNode.Sequence(List.copyOf(items), flow, line, column);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(null, line, column);
      }
      case VALUE_STRING,
          VALUE_TRUE,
          VALUE_FALSE,
          VALUE_NUMBER_INT,
          VALUE_NUMBER_FLOAT,
          VALUE_EMBEDDED_OBJECT -> {
        String scalar = parser.getText();
        return new YamlNode.Scalar(scalar.isEmpty() ? null : scalar, line, column);
      }
      default -> throw new IndexConfigException(
          source, line, "", "unexpected YAML token " + token);
    }
  }

  private void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IndexConfigException(
          source, line(), "", "unexpected YAML token " + actual + " where " + expected + " was due");
    }
  }

  private int line() {
    JsonLocation at = parser.currentTokenLocation();
    return Math.max(1, at.getLineNr());
  }

  private int column() {
    return Math.max(1, parser.currentTokenLocation().getColumnNr());
  }

  /** Whether the text at 1-based (line, column) starts with {@code c}. */
  private boolean startsWith(int line, int column, char c) {
    int offset = ConfigText.offsetOfLine(text, line, true);
    int at = offset + column - 1;
    return offset >= 0 && at < text.length() && text.charAt(at) == c;
  }

  private static IndexConfigException syntaxError(String source, JsonProcessingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return new IndexConfigException(
          source,
          marked.getProblemMark().getLine() + 1,
          "",
          "YAML syntax error: " + marked.getProblem(),
          e);
    }
    JsonLocation at = e.getLocation();
    int line = at == null ? 1 : Math.max(1, at.getLineNr());
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return new IndexConfigException(
        source,
        line,
        "",
        "YAML syntax error: " + (newline < 0 ? message : message.substring(0, newline)),
        e);
  }
}
