package dev.megalite.index.xml;

import dev.megalite.index.AutoIndexes;
import dev.megalite.index.ConfigFiles;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Keeps {@code WEB-INF/appengine-generated/datastore-indexes-auto.xml} as Java App Engine's
 * development server does ({@code LocalCompositeIndexManager.XmlIndexFileManager}): a {@code
 * <!-- Indices written at … -->} comment, then {@code <datastore-indexes autoGenerate="true">}
 * with each index under a {@code <!-- Used N time(s) in query history -->} comment and marked
 * {@code source="auto"}. Nothing is written when datastore-indexes.xml says {@code
 * autoGenerate="false"}.
 *
 * <p>Unlike App Engine, which forgets its query history on restart, the file keeps the automatic
 * indexes it already lists (with a count of 0 until queries use them again), and the indexes are
 * sorted, as in index.yaml's automatic section.
 */
public final class AutoIndexXml {
  private static final DateTimeFormatter WRITTEN_AT =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss z", Locale.US)
          .withZone(ZoneId.of("UTC"));

  private AutoIndexXml() {}

  /**
   * Brings the automatic file under {@code webInf} up to date with {@code usage}.
   *
   * @param usage for each composite index a query in development needed, how many times such
   *     queries ran
   * @return whether the file was written: false when auto-generation is off, or when the file
   *     already lists exactly these indexes and counts (the time stamp aside)
   */
  public static synchronized boolean update(
      Path webInf, Map<IndexDefinition, Long> usage, Clock clock) {
    IndexFile config = IndexXml.readWebInf(webInf);
    if (!config.autoGenerate()) {
      return false;
    }
    Path file = webInf.resolve(IndexXml.AUTO_FILE);
    String existing = Files.exists(file) ? ConfigFiles.read(file, file.toString()) : null;
    SortedMap<IndexDefinition, Long> auto =
        AutoIndexes.merge(config.manualIndexes(), config.autoIndexes(), usage);
    String text = render(auto, clock.instant());
    if (existing != null && withoutTimestamp(existing).equals(withoutTimestamp(text))) {
      return false;
    }
    ConfigFiles.write(file, text, file.toString());
    return true;
  }

  /**
   * The text of datastore-indexes-auto.xml listing {@code auto} in its iteration order.
   *
   * @param auto each index with the number of times queries needed it
   */
  public static String render(Map<IndexDefinition, Long> auto, Instant writtenAt) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Indices written at ").append(WRITTEN_AT.format(writtenAt)).append(" -->\n\n");
    if (auto.isEmpty()) {
      return out.append("<datastore-indexes autoGenerate=\"true\"/>\n\n").toString();
    }
    out.append("<datastore-indexes autoGenerate=\"true\">\n\n");
    for (Map.Entry<IndexDefinition, Long> e : auto.entrySet()) {
      long count = e.getValue();
      out.append(
          String.format(
              Locale.ROOT,
              "    <!-- Used %d time%s in query history -->\n",
              count,
              count == 1 ? "" : "s"));
      out.append(IndexXml.element(e.getKey(), "    ", "auto")).append('\n');
    }
    return out.append("</datastore-indexes>\n").toString();
  }

  private static String withoutTimestamp(String text) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.removeIf(line -> line.startsWith("<!-- Indices written at "));
    return String.join("\n", lines);
  }
}
