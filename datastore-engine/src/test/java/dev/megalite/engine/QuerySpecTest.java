package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.Value;
import dev.megalite.api.error.NeedIndexException;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import dev.megalite.gql.Gql;
import dev.megalite.gql.GqlBindings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the data-driven query specs in {@code src/test/resources/specs}: each gives entities, an
 * index.yaml, a GQL query, and the plan and results (or the need-index error) to expect.
 */
class QuerySpecTest {
  private static final String PROJECT = MegaliteOptions.DEFAULT_PROJECT;

  @TempDir Path dir;

  static Stream<JsonNode> specs() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    ObjectReader reader = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class);
    for (String file : List.of("composite-indexes.yaml")) {
      try (InputStream in = QuerySpecTest.class.getResourceAsStream("/specs/" + file)) {
        Iterator<JsonNode> docs = reader.readValues(in);
        docs.forEachRemaining(out::add);
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void specHolds(JsonNode spec) throws IOException {
    Path indexFile = dir.resolve("index.yaml");
    Files.writeString(indexFile, spec.get("indexes").asText());
    try (MegaliteDatastore ds = Megalite.open(MegaliteOptions.newBuilder()
        .indexFile(indexFile)
        .requireIndexes(spec.get("requireIndexes").asBoolean())
        .build())) {
      List<Entity> entities = new ArrayList<>();
      spec.get("entities").properties().forEach(e -> entities.add(entity(e)));
      ds.put(entities);
      Query q = Gql.parse(spec.get("query").asText(), GqlDialect.APP_ENGINE)
          .bind(GqlBindings.none(), PROJECT).query();
      if (spec.has("error")) {
        NeedIndexException e = catchThrowableOfType(NeedIndexException.class, () -> keys(ds, q));
        assertThat(e).as(spec.get("name").asText()).isNotNull();
        assertThat(e.indexYaml()).isEqualTo(spec.get("error").asText());
        return;
      }
      assertThat(ds.explain(q)).isEqualTo(spec.get("plan").asText());
      List<Key> expected = new ArrayList<>();
      spec.get("results").forEach(r -> expected.add(key(r.asText())));
      assertThat(keys(ds, q)).isEqualTo(expected);
      assertThat(ds.checkConsistency().problems()).isEmpty();
    }
  }

  private static List<Key> keys(MegaliteDatastore ds, Query q) {
    List<Key> out = new ArrayList<>();
    try (QueryResults<Entity> r = ds.run(q)) {
      while (r.hasNext()) {
        out.add(r.next().completeKey());
      }
    }
    return out;
  }

  private static Entity entity(Map.Entry<String, JsonNode> e) {
    Entity.Builder b = Entity.newBuilder(key(e.getKey()));
    e.getValue().properties().forEach(p -> b.set(p.getKey(), value(p.getValue())));
    return b.build();
  }

  private static Value value(JsonNode n) {
    if (n.isArray()) {
      List<Value> values = new ArrayList<>();
      n.forEach(x -> values.add(value(x)));
      return Value.list(values);
    } else if (n.isNull()) {
      return Value.ofNull();
    } else if (n.isBoolean()) {
      return Value.of(n.booleanValue());
    } else if (n.isIntegralNumber()) {
      return Value.of(n.longValue());
    } else if (n.isNumber()) {
      return Value.of(n.doubleValue());
    }
    return Value.of(n.asText());
  }

  /** {@code Kind:1/Child:'name'} to a key. */
  private static Key key(String text) {
    List<PathElement> path = new ArrayList<>();
    for (String part : text.split("/")) {
      String[] kv = part.split(":", 2);
      path.add(kv[1].startsWith("'")
          ? PathElement.of(kv[0], kv[1].substring(1, kv[1].length() - 1))
          : PathElement.of(kv[0], Long.parseLong(kv[1])));
    }
    return Key.of(PROJECT, "", path);
  }
}
