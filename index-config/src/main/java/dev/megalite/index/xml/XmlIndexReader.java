package dev.megalite.index.xml;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.index.ConfigText;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexConfigException;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexFile;
import dev.megalite.index.IndexProperty;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one datastore-indexes.xml document with the JDK's StAX parser, checking what App Engine's
 * {@code datastore-indexes.xsd} and {@code IndexesXmlReader} check. DTDs and external entities are
 * refused. Errors carry the line of the offending attribute (or element).
 */
final class XmlIndexReader {
  private static final XMLInputFactory FACTORY = newFactory();

  private final String text;
  private final String source;
  private final XMLStreamReader reader;

  private XmlIndexReader(String text, String source, XMLStreamReader reader) {
    this.text = text;
    this.source = source;
    this.reader = reader;
  }

  static IndexFile parse(String text, String source) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(text));
      return new XmlIndexReader(text, source, reader).document();
    } catch (XMLStreamException e) {
      throw syntaxError(source, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // nothing was held open: the reader reads a string
        }
      }
    }
  }

  private IndexFile document() throws XMLStreamException {
    while (reader.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: declaration, comments, processing instructions
    }
    Tag root = tag();
    if (!root.name().equals("datastore-indexes")) {
      throw error(root.line(), "", "the root element must be <datastore-indexes>, not <"
          + root.name() + ">");
    }
    root.allow("autoGenerate");
    String auto = root.attribute("autoGenerate");
    if (auto == null || !(auto.equals("true") || auto.equals("false"))) {
      throw error(
          root.lineOf("autoGenerate"),
          "autoGenerate",
          "<datastore-indexes> attribute 'autoGenerate' is required and must be true or false"
              + (auto == null ? "" : ", not '" + auto + "'"));
    }
    List<IndexDefinition> manual = new ArrayList<>();
    List<IndexDefinition> generated = new ArrayList<>();
    while (nextChild(root)) {
      Tag child = tag();
      if (!child.name().equals("datastore-index")) {
        throw error(child.line(), "", "<datastore-indexes> contains <" + child.name()
            + "> instead of <datastore-index>");
      }
      boolean isAuto = "auto".equals(indexSource(child));
      (isAuto ? generated : manual).add(index(child));
    }
    while (reader.hasNext()) {
      reader.next();
    }
    return new IndexFile(source, null, manual, generated, auto.equals("true"));
  }

  private static String indexSource(Tag tag) {
    return tag.attribute("source");
  }

  private IndexDefinition index(Tag tag) throws XMLStreamException {
    tag.allow("kind", "ancestor", "source");
    String kind = tag.attribute("kind");
    if (kind == null) {
      throw error(tag.line(), "kind", "<datastore-index> is missing attribute 'kind'");
    }
    String ancestorText = tag.attribute("ancestor");
    boolean ancestor = false;
    if (ancestorText != null) {
      switch (ancestorText.strip()) {
        case "true", "1" -> ancestor = true;
        case "false", "0" -> ancestor = false;
        default -> throw error(
            tag.lineOf("ancestor"),
            "ancestor",
            "<datastore-index> attribute 'ancestor' must be true or false, not '"
                + ancestorText
                + "'");
      }
    }
    String origin = indexSource(tag);
    if (origin != null && !origin.equals("manual") && !origin.equals("auto")) {
      throw error(
          tag.lineOf("source"),
          "source",
          "<datastore-index> attribute 'source' must be manual or auto, not '" + origin + "'");
    }
    List<IndexProperty> properties = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (nextChild(tag)) {
      Tag child = tag();
      if (!child.name().equals("property")) {
        throw error(child.line(), "", "<datastore-index> contains <" + child.name()
            + "> instead of <property>");
      }
      IndexProperty p = property(child);
      if (names.contains(p.name())) {
        throw error(
            child.lineOf("name"), "name", "property '" + p.name() + "' appears twice in one index");
      }
      names.add(p.name());
      properties.add(p);
    }
    try {
      return IndexDefinition.of(kind.strip(), ancestor, properties);
    } catch (BadRequestException e) {
      throw error(tag.lineOf("kind"), "kind", "<datastore-index> attribute 'kind' is invalid: "
          + e.getMessage());
    }
  }

  private IndexProperty property(Tag tag) throws XMLStreamException {
    tag.allow("name", "direction", "mode");
    if (tag.attribute("mode") != null) {
      throw error(
          tag.lineOf("mode"),
          "mode",
          "<property> attribute 'mode' is not supported: Megalite has no geospatial indexes");
    }
    String name = tag.attribute("name");
    if (name == null) {
      throw error(tag.line(), "name", "<property> is missing attribute 'name'");
    }
    String directionText = tag.attribute("direction");
    Direction direction = Direction.ASC;
    if (directionText != null) {
      switch (directionText.strip()) {
        case "asc" -> direction = Direction.ASC;
        case "desc" -> direction = Direction.DESC;
        default -> throw error(
            tag.lineOf("direction"),
            "direction",
            "<property> attribute 'direction' must be asc or desc, not '" + directionText + "'");
      }
    }
    if (nextChild(tag)) {
      throw error(tag().line(), "", "<property> must be empty");
    }
    try {
      return new IndexProperty(name.strip(), direction);
    } catch (BadRequestException e) {
      throw error(
          tag.lineOf("name"), "name", "<property> attribute 'name' is invalid: " + e.getMessage());
    }
  }

  /**
   * Advances to the next child element of {@code parent}; false at its end tag. Text other than
   * white space is an error; comments and processing instructions are skipped.
   */
  private boolean nextChild(Tag parent) throws XMLStreamException {
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return false;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!reader.isWhiteSpace() && !reader.getText().isBlank()) {
            throw error(
                reader.getLocation().getLineNumber(),
                "",
                "<" + parent.name() + "> contains text '" + reader.getText().strip()
                    + "'; only elements belong there");
          }
        }
        default -> {
          // comments, white space, processing instructions
        }
      }
    }
  }

  /** The element the reader is on, with where its start tag begins in the text. */
  private Tag tag() {
    Location at = reader.getLocation();
    int lineStart = ConfigText.offsetOfLine(text, at.getLineNumber(), false);
    int end =
        lineStart < 0
            ? text.length()
            : Math.min(text.length(), lineStart + at.getColumnNumber() - 1);
    int start = Math.max(0, text.lastIndexOf('<', Math.max(0, end - 1)));
    List<String[]> attributes = new ArrayList<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.add(new String[] {reader.getAttributeLocalName(i), reader.getAttributeValue(i)});
    }
    return new Tag(reader.getLocalName(), start, end, attributes);
  }

  /** A start tag: its name, its span in the text and its attributes. */
  private final class Tag {
    private final String name;
    private final int start;
    private final int end;
    private final List<String[]> attributes;

    Tag(String name, int start, int end, List<String[]> attributes) {
      this.name = name;
      this.start = start;
      this.end = end;
      this.attributes = attributes;
    }

    String name() {
      return name;
    }

    int line() {
      return ConfigText.lineAt(text, start, false);
    }

    String attribute(String attribute) {
      for (String[] a : attributes) {
        if (a[0].equals(attribute)) {
          return a[1];
        }
      }
      return null;
    }

    /** The line of {@code attribute} inside this tag, else the tag's own line. */
    int lineOf(String attribute) {
      Matcher m =
          Pattern.compile("\\s" + Pattern.quote(attribute) + "\\s*=")
              .matcher(text)
              .region(start, Math.max(start, end));
      return m.find() ? ConfigText.lineAt(text, m.start() + 1, false) : line();
    }

    void allow(String... names) {
      Set<String> allowed = Set.of(names);
      for (String[] a : attributes) {
        if (!allowed.contains(a[0])) {
          throw error(
              lineOf(a[0]),
              a[0],
              "<" + name + "> has unknown attribute '" + a[0] + "' (expected "
                  + String.join(", ", names) + ")");
        }
      }
    }
  }

  private IndexConfigException error(int line, String field, String detail) {
    return new IndexConfigException(source, Math.max(1, line), field, detail);
  }

  private static IndexConfigException syntaxError(String source, XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage();
    int marker = message.indexOf("Message: ");
    if (marker >= 0) {
      message = message.substring(marker + "Message: ".length());
    }
    int line = at == null ? 1 : Math.max(1, at.getLineNumber());
    return new IndexConfigException(source, line, "", "XML syntax error: " + message.strip(), e);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
