package dev.megalite.index.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.megalite.index.IndexDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoIndexXmlTest {
  private static final Instant NOON = Instant.parse("2024-03-09T12:00:00Z");
  private static final IndexDefinition EMPLOYEE =
      IndexDefinition.newBuilder("Employee").asc("lastName").desc("hireDate").build();
  private static final IndexDefinition PROJECT =
      IndexDefinition.newBuilder("Project").ancestor(true).asc("due").build();

  @TempDir Path webInf;

  @Test
  void rendersTheFileAsJavaAppEngineWritesIt() {
    Map<IndexDefinition, Long> auto = new LinkedHashMap<>();
    auto.put(EMPLOYEE, 3L);
    auto.put(PROJECT, 1L);

    assertThat(AutoIndexXml.render(auto, NOON))
        .isEqualTo(
            "<!-- Indices written at Sat, 9 Mar 2024 12:00:00 UTC -->\n\n"
                + "<datastore-indexes autoGenerate=\"true\">\n\n"
                + "    <!-- Used 3 times in query history -->\n"
                + "    <datastore-index kind=\"Employee\" ancestor=\"false\" source=\"auto\">\n"
                + "        <property name=\"lastName\" direction=\"asc\"/>\n"
                + "        <property name=\"hireDate\" direction=\"desc\"/>\n"
                + "    </datastore-index>\n\n"
                + "    <!-- Used 1 time in query history -->\n"
                + "    <datastore-index kind=\"Project\" ancestor=\"true\" source=\"auto\">\n"
                + "        <property name=\"due\" direction=\"asc\"/>\n"
                + "    </datastore-index>\n\n"
                + "</datastore-indexes>\n");
  }

  @Test
  void rendersAnEmptyDocumentWhenNothingWasNeeded() {
    assertThat(AutoIndexXml.render(Map.of(), NOON))
        .isEqualTo(
            "<!-- Indices written at Sat, 9 Mar 2024 12:00:00 UTC -->\n\n"
                + "<datastore-indexes autoGenerate=\"true\"/>\n\n");
  }

  @Test
  void writesTheGeneratedFileSortedWithoutManualIndexesAndReadsItBack() throws IOException {
    Files.writeString(webInf.resolve(IndexXml.MANUAL_FILE), IndexXml.write(List.of(PROJECT), true));
    Map<IndexDefinition, Long> usage = new LinkedHashMap<>();
    usage.put(PROJECT, 5L);
    usage.put(EMPLOYEE, 2L);

    boolean wrote = AutoIndexXml.update(webInf, usage, Clock.fixed(NOON, ZoneOffset.UTC));

    assertThat(wrote).isTrue();
    String text = Files.readString(webInf.resolve(IndexXml.AUTO_FILE));
    assertThat(text).contains("<!-- Used 2 times in query history -->").doesNotContain("Project");
    assertThat(IndexXml.readWebInf(webInf).autoIndexes()).containsExactly(EMPLOYEE);
    assertThat(IndexXml.readWebInf(webInf).manualIndexes()).containsExactly(PROJECT);
  }

  @Test
  void nothingIsWrittenWhenTheManualFileTurnsAutoGenerationOff() throws IOException {
    Files.writeString(webInf.resolve(IndexXml.MANUAL_FILE), IndexXml.write(List.of(), false));

    assertThat(AutoIndexXml.update(webInf, Map.of(EMPLOYEE, 1L), Clock.systemUTC())).isFalse();
    assertThat(webInf.resolve(IndexXml.AUTO_FILE)).doesNotExist();
  }

  @Test
  void indexesTheFileAlreadyListedStayAndAChangeOfTimeAloneRewritesNothing() {
    Clock first = Clock.fixed(NOON, ZoneOffset.UTC);
    Clock later = Clock.fixed(NOON.plusSeconds(3600), ZoneOffset.UTC);

    assertThat(AutoIndexXml.update(webInf, Map.of(EMPLOYEE, 1L), first)).isTrue();
    assertThat(AutoIndexXml.update(webInf, Map.of(EMPLOYEE, 1L), later)).isFalse();
    assertThat(AutoIndexXml.update(webInf, Map.of(PROJECT, 1L), later)).isTrue();

    assertThat(IndexXml.readWebInf(webInf).autoIndexes()).containsExactly(EMPLOYEE, PROJECT);
  }
}
