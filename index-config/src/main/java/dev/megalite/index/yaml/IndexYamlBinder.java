package dev.megalite.index.yaml;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexConfigException;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed index.yaml document into index definitions, checking it as App Engine's {@code
 * datastore_index.IndexDefinitions} validator does, with the file, line and field in every error.
 */
final class IndexYamlBinder {
  /** YAML 1.1 booleans, which App Engine's PyYAML reads for {@code ancestor}. */
  private static final Set<String> TRUE =
      Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");

  private static final Set<String> FALSE =
      Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");

  /** How the top-level {@code indexes} list is written, which decides how to append to it. */
  enum Layout {
    /** There is no {@code indexes} key. */
    ABSENT,
    /** {@code indexes:} with nothing after it. */
    EMPTY,
    /** {@code - kind: …} entries, one per block. */
    BLOCK,
    /** {@code [ … ]}. */
    FLOW
  }

  /**
   * A bound document.
   *
   * @param itemColumn for {@link Layout#BLOCK}, the 1-based column of the entries' dashes
   * @param indexesLast whether {@code indexes} is the last top-level key
   */
  record Bound(
      String application,
      List<IndexDefinition> indexes,
      Layout layout,
      int itemColumn,
      boolean indexesLast) {}

  private final String source;

  private IndexYamlBinder(String source) {
    this.source = source;
  }

  static Bound bind(YamlNode root, String source) {
    return new IndexYamlBinder(source).document(root);
  }

  private Bound document(YamlNode root) {
    if (root == null || root instanceof YamlNode.Scalar s && s.text() == null) {
      return new Bound(null, List.of(), Layout.ABSENT, 0, false);
    }
    if (!(root instanceof YamlNode.Mapping top)) {
      throw error(root.line(), "", "the file must be a mapping with 'indexes:', not " + what(root));
    }
    String application = null;
    List<IndexDefinition> indexes = new ArrayList<>();
    Layout layout = Layout.ABSENT;
    int itemColumn = 0;
    for (YamlNode.Entry e : top.entries()) {
      switch (e.key()) {
        case "application" -> application = name(e, "application");
        case "indexes" -> {
          YamlNode value = e.value();
          if (value instanceof YamlNode.Scalar s && s.text() == null) {
            layout = Layout.EMPTY;
          } else if (value instanceof YamlNode.Sequence list) {
            layout = list.flow() ? Layout.FLOW : Layout.BLOCK;
            itemColumn = list.column();
            for (YamlNode item : list.items()) {
              indexes.add(index(item));
            }
          } else {
            throw error(e.line(), "indexes", "'indexes' must be a list, not " + what(value));
          }
        }
        default -> throw error(
            e.line(),
            e.key(),
            "unknown top-level field '" + e.key() + "' (expected 'application' or 'indexes')");
      }
    }
    List<YamlNode.Entry> entries = top.entries();
    boolean last = !entries.isEmpty() && entries.get(entries.size() - 1).key().equals("indexes");
    return new Bound(application, List.copyOf(indexes), layout, itemColumn, last);
  }

  private IndexDefinition index(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping map)) {
      throw error(
          node.line(),
          "indexes",
          "each entry of 'indexes' must be a mapping with 'kind' and 'properties', not "
              + what(node));
    }
    String kind = null;
    int kindLine = map.line();
    boolean ancestor = false;
    List<IndexProperty> properties = new ArrayList<>();
    for (YamlNode.Entry e : map.entries()) {
      switch (e.key()) {
        case "kind" -> {
          kind = name(e, "index 'kind'");
          kindLine = e.line();
        }
        case "ancestor" -> ancestor = ancestor(e);
        case "properties" -> properties(e, properties);
        default -> throw error(
            e.line(),
            e.key(),
            "index has unknown field '"
                + e.key()
                + "' (expected 'kind', 'ancestor' or 'properties')");
      }
    }
    if (kind == null) {
      throw error(map.line(), "kind", "index is missing 'kind'");
    }
    try {
      return IndexDefinition.of(kind, ancestor, properties);
    } catch (BadRequestException ex) {
      throw error(kindLine, "kind", "index 'kind' is invalid: " + ex.getMessage());
    }
  }

  private boolean ancestor(YamlNode.Entry e) {
    if (e.value() instanceof YamlNode.Scalar s && s.text() != null) {
      if (TRUE.contains(s.text())) {
        return true;
      }
      if (FALSE.contains(s.text())) {
        return false;
      }
    }
    throw error(
        e.line(), "ancestor", "index 'ancestor' must be yes or no, not " + what(e.value()));
  }

  private void properties(YamlNode.Entry e, List<IndexProperty> out) {
    if (e.value() instanceof YamlNode.Scalar s && s.text() == null) {
      return;
    }
    if (!(e.value() instanceof YamlNode.Sequence list)) {
      throw error(
          e.line(), "properties", "index 'properties' must be a list, not " + what(e.value()));
    }
    Set<String> names = new HashSet<>();
    for (YamlNode item : list.items()) {
      IndexProperty p = property(item);
      if (!names.add(p.name())) {
        throw error(
            item.line(), "name", "property '" + p.name() + "' appears twice in one index");
      }
      out.add(p);
    }
  }

  private IndexProperty property(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping map)) {
      throw error(
          node.line(),
          "properties",
          "each entry of 'properties' must be a mapping with 'name' and 'direction', not "
              + what(node));
    }
    String name = null;
    int nameLine = map.line();
    Direction direction = Direction.ASC;
    for (YamlNode.Entry e : map.entries()) {
      switch (e.key()) {
        case "name" -> {
          name = name(e, "property 'name'");
          nameLine = e.line();
        }
        case "direction" -> direction = direction(e);
        case "mode" -> throw error(
            e.line(),
            "mode",
            "property 'mode' " + what(e.value()) + " is not supported: Megalite has no"
                + " geospatial indexes");
        default -> throw error(
            e.line(),
            e.key(),
            "property has unknown field '"
                + e.key()
                + "' (expected 'name' or 'direction')");
      }
    }
    if (name == null) {
      throw error(map.line(), "name", "property is missing 'name'");
    }
    try {
      return new IndexProperty(name, direction);
    } catch (BadRequestException ex) {
      throw error(nameLine, "name", "property 'name' is invalid: " + ex.getMessage());
    }
  }

  private Direction direction(YamlNode.Entry e) {
    if (e.value() instanceof YamlNode.Scalar s && s.text() != null) {
      switch (s.text()) {
        case "asc", "ascending" -> {
          return Direction.ASC;
        }
        case "desc", "descending" -> {
          return Direction.DESC;
        }
        default -> {
          // fall through to the error below
        }
      }
    }
    throw error(
        e.line(), "direction", "property 'direction' must be asc or desc, not " + what(e.value()));
  }

  /** A scalar that names something; {@code what} is how messages call the field. */
  private String name(YamlNode.Entry e, String what) {
    if (e.value() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isEmpty()) {
      return s.text();
    }
    throw error(e.line(), e.key(), what + " must be a name, not " + what(e.value()));
  }

  private static String what(YamlNode node) {
    return YamlNode.describe(node);
  }

  private IndexConfigException error(int line, String field, String detail) {
    return new IndexConfigException(source, line, field, detail);
  }
}
