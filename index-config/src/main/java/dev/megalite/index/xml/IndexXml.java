package dev.megalite.index.xml;

import dev.megalite.api.error.BadRequestException;
import dev.megalite.index.ConfigFiles;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexFile;
import dev.megalite.index.IndexProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes Java App Engine's index configuration: {@code WEB-INF/datastore-indexes.xml}
 * (the developer's) and {@code WEB-INF/appengine-generated/datastore-indexes-auto.xml} (the
 * development server's).
 *
 * <pre>{@code
 * <datastore-indexes autoGenerate="true">
 *   <datastore-index kind="Employee" ancestor="false" source="manual">
 *     <property name="lastName" direction="asc"/>
 *     <property name="hireDate" direction="desc"/>
 *   </datastore-index>
 * </datastore-indexes>
 * }</pre>
 *
 * {@code autoGenerate} is required; {@code ancestor} is {@code true|false|1|0}, default false;
 * {@code direction} is {@code asc|desc}, default asc. As in App Engine, an index is automatic when
 * its {@code source} attribute says {@code auto}, whichever file it is in, and manual otherwise.
 */
public final class IndexXml {
  /** The developer's file, relative to WEB-INF. */
  public static final String MANUAL_FILE = "datastore-indexes.xml";

  /** The development server's file, relative to WEB-INF. */
  public static final String AUTO_FILE = "appengine-generated/datastore-indexes-auto.xml";

  private IndexXml() {}

  /**
   * Parses one datastore-indexes document.
   *
   * @param source the file name for error messages, e.g. {@code datastore-indexes.xml}
   * @throws dev.megalite.index.IndexConfigException naming the source, line and attribute
   */
  public static IndexFile parse(String text, String source) {
    return XmlIndexReader.parse(text, source);
  }

  /** Reads one datastore-indexes file; a missing one declares nothing, auto-generation on. */
  public static IndexFile read(Path file) {
    String source = file.toString();
    if (!Files.exists(file)) {
      return IndexFile.missing(source);
    }
    return parse(ConfigFiles.read(file, source), source);
  }

  /**
   * The configuration a WEB-INF directory declares: both files together, auto-generation as the
   * manual file says (on when it is missing). The result is named after the manual file.
   */
  public static IndexFile readWebInf(Path webInf) {
    IndexFile manual = read(webInf.resolve(MANUAL_FILE));
    IndexFile auto = read(webInf.resolve(AUTO_FILE));
    List<IndexDefinition> manualIndexes = new ArrayList<>(manual.manualIndexes());
    manualIndexes.addAll(auto.manualIndexes());
    List<IndexDefinition> autoIndexes = new ArrayList<>(manual.autoIndexes());
    autoIndexes.addAll(auto.autoIndexes());
    return new IndexFile(
        manual.source(), null, manualIndexes, autoIndexes, manual.autoGenerate());
  }

  /** A datastore-indexes.xml declaring {@code indexes} in the given order. */
  public static String write(Collection<IndexDefinition> indexes, boolean autoGenerate) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.append("<datastore-indexes autoGenerate=\"").append(autoGenerate).append("\">\n");
    for (IndexDefinition index : indexes) {
      out.append(element(index, "  ", null));
    }
    return out.append("</datastore-indexes>\n").toString();
  }

  /**
   * One {@code <datastore-index>} element in App Engine's layout ({@code
   * CompositeIndexUtils.generateXmlForIndex}), children indented by four more spaces.
   *
   * @param source the {@code source} attribute, or null for none
   */
  static String element(IndexDefinition index, String indent, String source) {
    StringBuilder out = new StringBuilder(indent);
    out.append("<datastore-index kind=\"").append(escape(index.kind()))
        .append("\" ancestor=\"").append(index.ancestor()).append('"');
    if (source != null) {
      out.append(" source=\"").append(source).append('"');
    }
    if (index.properties().isEmpty()) {
      return out.append("/>\n").toString();
    }
    out.append(">\n");
    for (IndexProperty p : index.properties()) {
      out.append(indent).append("    <property name=\"").append(escape(p.name()))
          .append("\" direction=\"").append(p.direction().configName()).append("\"/>\n");
    }
    return out.append(indent).append("</datastore-index>\n").toString();
  }

  /** Escapes text for a double-quoted attribute, keeping tabs and line breaks as they are. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\t', '\n', '\r' -> out.append("&#").append((int) c).append(';');
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new BadRequestException(
                String.format(
                    Locale.ROOT,
                    "'%s' cannot be written to XML: it contains the character U+%04X",
                    text,
                    (int) c));
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
