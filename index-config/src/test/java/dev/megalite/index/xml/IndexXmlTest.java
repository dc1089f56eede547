package dev.megalite.index.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.index.IndexConfigException;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexXmlTest {
  private static final String FILE = "datastore-indexes.xml";

  @TempDir Path dir;

  @Test
  void readsTheDocumentedExample() {
    String xml =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <datastore-indexes autoGenerate="true">
          <datastore-index kind="Employee" ancestor="false" source="manual">
            <property name="lastName" direction="asc"/>
            <property name="hireDate" direction="desc"/>
          </datastore-index>
          <!-- a comment -->
          <datastore-index kind="Project" ancestor="true">
            <property name="dueDate" />
          </datastore-index>
        </datastore-indexes>
        """;

    IndexFile file = IndexXml.parse(xml, FILE);

    assertThat(file.autoGenerate()).isTrue();
    assertThat(file.manualIndexes())
        .containsExactly(
            IndexDefinition.newBuilder("Employee").asc("lastName").desc("hireDate").build(),
            IndexDefinition.newBuilder("Project").ancestor(true).asc("dueDate").build());
    assertThat(file.autoIndexes()).isEmpty();
  }

  @Test
  void ancestorAcceptsOneAndZeroAsXmlBooleansDo() {
    String xml =
        "<datastore-indexes autoGenerate=\"false\">"
            + "<datastore-index kind=\"A\" ancestor=\"1\"><property name=\"x\"/></datastore-index>"
            + "<datastore-index kind=\"B\" ancestor=\"0\"><property name=\"x\"/></datastore-index>"
            + "</datastore-indexes>";

    IndexFile file = IndexXml.parse(xml, FILE);

    assertThat(file.autoGenerate()).isFalse();
    assertThat(file.indexes())
        .containsExactly(
            IndexDefinition.newBuilder("A").ancestor(true).asc("x").build(),
            IndexDefinition.newBuilder("B").asc("x").build());
  }

  @Test
  void theSourceAttributeDecidesWhetherAnIndexIsAutomatic() {
    String xml =
        "<datastore-indexes autoGenerate=\"true\">"
            + "<datastore-index kind=\"A\" source=\"auto\"><property name=\"x\"/></datastore-index>"
            + "<datastore-index kind=\"B\" source=\"manual\"/>"
            + "</datastore-indexes>";

    IndexFile file = IndexXml.parse(xml, FILE);

    assertThat(file.autoIndexes()).containsExactly(IndexDefinition.newBuilder("A").asc("x")
        .build());
    assertThat(file.manualIndexes()).containsExactly(IndexDefinition.of("B", false, List.of()));
  }

  @Test
  void autoGenerateIsRequired() {
    String xml = "<?xml version=\"1.0\"?>\n<datastore-indexes>\n</datastore-indexes>\n";

    assertError(() -> IndexXml.parse(xml, FILE), 2, "autoGenerate")
        .hasMessage(
            "datastore-indexes.xml:2: <datastore-indexes> attribute 'autoGenerate' is required"
                + " and must be true or false");
    assertError(
            () ->
                IndexXml.parse(
                    "<datastore-indexes\n    autoGenerate=\"yes\"/>", FILE),
            2,
            "autoGenerate")
        .hasMessageEndingWith("must be true or false, not 'yes'");
  }

  @Test
  void aWrongDirectionNamesTheLineOfTheAttribute() {
    String xml =
        """
        <datastore-indexes autoGenerate="true">
          <datastore-index kind="A">
            <property
                name="x"
                direction="up"/>
          </datastore-index>
        </datastore-indexes>
        """;

    assertError(() -> IndexXml.parse(xml, FILE), 5, "direction")
        .hasMessage(
            "datastore-indexes.xml:5: <property> attribute 'direction' must be asc or desc, not"
                + " 'up'");
  }

  @Test
  void aWrongAncestorIsReported() {
    String xml =
        "<datastore-indexes autoGenerate=\"true\">\n"
            + "<datastore-index kind=\"A\" ancestor=\"yes\"/>\n</datastore-indexes>";

    assertError(() -> IndexXml.parse(xml, FILE), 2, "ancestor")
        .hasMessage(
            "datastore-indexes.xml:2: <datastore-index> attribute 'ancestor' must be true or"
                + " false, not 'yes'");
  }

  @Test
  void missingKindOrNameIsReportedAtTheElement() {
    assertError(
            () ->
                IndexXml.parse(
                    "<datastore-indexes autoGenerate=\"true\">\n\n  <datastore-index/>\n"
                        + "</datastore-indexes>",
                    FILE),
            3,
            "kind")
        .hasMessage("datastore-indexes.xml:3: <datastore-index> is missing attribute 'kind'");
    assertError(
            () ->
                IndexXml.parse(
                    "<datastore-indexes autoGenerate=\"true\">\n<datastore-index kind=\"A\">\n"
                        + "<property direction=\"asc\"/></datastore-index></datastore-indexes>",
                    FILE),
            3,
            "name")
        .hasMessage("datastore-indexes.xml:3: <property> is missing attribute 'name'");
  }

  @Test
  void unknownElementsAndAttributesAreReported() {
    assertError(
            () ->
                IndexXml.parse(
                    "<datastore-indexes autoGenerate=\"true\">\n<index kind=\"A\"/>\n"
                        + "</datastore-indexes>",
                    FILE),
            2,
            "")
        .hasMessage(
            "datastore-indexes.xml:2: <datastore-indexes> contains <index> instead of"
                + " <datastore-index>");
    assertError(
            () ->
                IndexXml.parse(
                    "<datastore-indexes autoGenerate=\"true\">\n<datastore-index kind=\"A\"\n"
                        + " ancestors=\"true\"/></datastore-indexes>",
                    FILE),
            3,
            "ancestors")
        .hasMessage(
            "datastore-indexes.xml:3: <datastore-index> has unknown attribute 'ancestors'"
                + " (expected kind, ancestor, source)");
    assertError(() -> IndexXml.parse("<indexes autoGenerate=\"true\"/>", FILE), 1, "")
        .hasMessage(
            "datastore-indexes.xml:1: the root element must be <datastore-indexes>, not"
                + " <indexes>");
  }

  @Test
  void textInsideTheStructureIsReported() {
    String xml =
        "<datastore-indexes autoGenerate=\"true\">\n"
            + "<datastore-index kind=\"A\">\n  lastName\n</datastore-index></datastore-indexes>";

    assertError(() -> IndexXml.parse(xml, FILE), 4, "")
        .hasMessageContaining("<datastore-index> contains text 'lastName'");
  }

  @Test
  void geospatialModeIsReportedAsUnsupported() {
    String xml =
        "<datastore-indexes autoGenerate=\"true\"><datastore-index kind=\"A\">"
            + "<property name=\"where\" mode=\"geospatial\"/></datastore-index></datastore-indexes>";

    assertError(() -> IndexXml.parse(xml, FILE), 1, "mode")
        .hasMessageContaining("<property> attribute 'mode' is not supported");
  }

  @Test
  void aPropertyNamedTwiceIsReported() {
    String xml =
        "<datastore-indexes autoGenerate=\"true\"><datastore-index kind=\"A\">\n"
            + "<property name=\"x\"/>\n<property name=\"x\" direction=\"desc\"/>\n"
            + "</datastore-index></datastore-indexes>";

    assertError(() -> IndexXml.parse(xml, FILE), 3, "name")
        .hasMessage("datastore-indexes.xml:3: property 'x' appears twice in one index");
  }

  @Test
  void malformedXmlNamesTheLine() {
    String xml = "<datastore-indexes autoGenerate=\"true\">\n<datastore-index kind=\"A\">\n"
        + "</datastore-indexes>\n";

    assertError(() -> IndexXml.parse(xml, FILE), 3, "")
        .hasMessageStartingWith("datastore-indexes.xml:3: XML syntax error: ")
        .hasMessageContaining("\"datastore-index\"");
  }

  @Test
  void anEmptyRootDeclaresNothingAndAnEmptyFileIsASyntaxError() {
    assertThat(IndexXml.parse("<datastore-indexes autoGenerate=\"true\"/>", FILE).indexes())
        .isEmpty();
    assertError(() -> IndexXml.parse("", FILE), 1, "")
        .hasMessageStartingWith("datastore-indexes.xml:1: XML syntax error: ");
    assertError(() -> IndexXml.parse("<!-- nothing -->\n", FILE), 2, "")
        .hasMessageStartingWith("datastore-indexes.xml:2: XML syntax error: ");
  }

  @Test
  void documentTypeDeclarationsAreRefusedSoNoEntityIsEverFetched() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
            + "<datastore-indexes autoGenerate=\"true\">"
            + "<datastore-index kind=\"&e;\"/></datastore-indexes>";

    assertThatThrownBy(() -> IndexXml.parse(xml, FILE))
        .isInstanceOf(IndexConfigException.class)
        .hasMessageContaining("XML syntax error");
  }

  @Test
  void writesAFileThatReadsBack() {
    List<IndexDefinition> indexes =
        List.of(
            IndexDefinition.newBuilder("Employee").asc("lastName").desc("hireDate").build(),
            IndexDefinition.newBuilder("A&B").ancestor(true).asc("say \"x\" <now>").build());

    String xml = IndexXml.write(indexes, true);

    assertThat(xml)
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<datastore-indexes autoGenerate=\"true\">\n"
                + "  <datastore-index kind=\"Employee\" ancestor=\"false\">\n"
                + "      <property name=\"lastName\" direction=\"asc\"/>\n"
                + "      <property name=\"hireDate\" direction=\"desc\"/>\n"
                + "  </datastore-index>\n");
    IndexFile read = IndexXml.parse(xml, FILE);
    assertThat(read.manualIndexes()).isEqualTo(indexes);
    assertThat(read.autoGenerate()).isTrue();
  }

  @Test
  void aWebInfDirectoryCombinesTheManualAndGeneratedFiles() throws IOException {
    IndexDefinition manual = IndexDefinition.newBuilder("A").asc("x").desc("y").build();
    IndexDefinition auto = IndexDefinition.newBuilder("B").asc("z").desc("w").build();
    Files.writeString(dir.resolve(IndexXml.MANUAL_FILE), IndexXml.write(List.of(manual), false));
    Path generated = dir.resolve(IndexXml.AUTO_FILE);
    Files.createDirectories(generated.getParent());
    Files.writeString(
        generated,
        "<datastore-indexes autoGenerate=\"true\">"
            + "<datastore-index kind=\"B\" ancestor=\"false\" source=\"auto\">"
            + "<property name=\"z\" direction=\"asc\"/><property name=\"w\" direction=\"desc\"/>"
            + "</datastore-index></datastore-indexes>");

    IndexFile file = IndexXml.readWebInf(dir);

    assertThat(file.manualIndexes()).containsExactly(manual);
    assertThat(file.autoIndexes()).containsExactly(auto);
    assertThat(file.autoGenerate()).isFalse();
  }

  @Test
  void withoutAManualFileAutoGenerationIsOn() {
    IndexFile file = IndexXml.readWebInf(dir);

    assertThat(file.indexes()).isEmpty();
    assertThat(file.autoGenerate()).isTrue();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertError(
      ThrowingCallable call, int line, String field) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            IndexConfigException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
