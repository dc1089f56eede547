package dev.megalite.engine.quota;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.megalite.api.error.BadRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the quota YAML file (format in {@code docs/quotas.md}) into a {@link QuotaConfig}. The
 * only class of this package that sees the YAML library (Jackson's YAML tree reader, already on
 * the engine's classpath through index-config). Every error names the file and the key.
 */
final class QuotaYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(
      YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
  private static final Pattern AMOUNT = Pattern.compile("(\\d[\\d_,]*)\\s*([A-Za-z]*)");
  private static final Map<String, Long> BYTE_UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("kb", 1_000L), Map.entry("mb", 1_000_000L),
      Map.entry("gb", 1_000_000_000L), Map.entry("tb", 1_000_000_000_000L),
      Map.entry("kib", 1L << 10), Map.entry("mib", 1L << 20),
      Map.entry("gib", 1L << 30), Map.entry("tib", 1L << 40));
  private static final Map<String, Long> TIME_UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
      "m", 60_000_000_000L, "min", 60_000_000_000L, "h", 3_600_000_000_000L);

  private final String source;

  private QuotaYaml(String source) {
    this.source = source;
  }

  static QuotaConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadRequestException("cannot read the quota file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  static QuotaConfig parse(String text, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadRequestException(source + ": YAML syntax error: " + e.getOriginalMessage());
    }
    return new QuotaYaml(source).bind(root);
  }

  private QuotaConfig bind(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return QuotaConfig.unlimited();
    }
    mapping(root, "the top level", Set.of("preset", "reset", "quotas"));
    QuotaConfig.Builder b = root.has("preset")
        ? presetOf(root.get("preset")).toBuilder()
        : QuotaConfig.newBuilder();
    JsonNode reset = root.get("reset");
    if (reset != null) {
      mapping(reset, "reset", Set.of("zone", "time"));
      if (reset.has("zone")) {
        b.resetZone(zone(reset.get("zone")));
      }
      if (reset.has("time")) {
        b.resetTime(time(reset.get("time")));
      }
    }
    JsonNode quotas = root.get("quotas");
    if (quotas != null) {
      mapping(quotas, "quotas", null);
      for (Map.Entry<String, JsonNode> e : quotas.properties()) {
        quota(b, e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  private QuotaConfig presetOf(JsonNode node) {
    try {
      return QuotaConfig.preset(scalar(node, "preset"));
    } catch (BadRequestException e) {
      throw error("preset", e.getMessage());
    }
  }

  private void quota(QuotaConfig.Builder b, String name, JsonNode node) {
    String key = "quotas." + name;
    Quota q = Quota.byConfigName(name);
    if (q == null) {
      throw error(key, "unknown quota '" + name + "'; the quotas are " + names());
    }
    if (q.isLevel()) {
      mapping(node, key, Set.of("limit"));
      if (node.has("limit")) {
        b.storedData(amount(q, node.get("limit"), key + ".limit"));
      }
      return;
    }
    mapping(node, key, Set.of("daily", "per_minute"));
    if (node.has("daily")) {
      b.daily(q, amount(q, node.get("daily"), key + ".daily"));
    }
    if (node.has("per_minute")) {
      b.perMinute(q, amount(q, node.get("per_minute"), key + ".per_minute"));
    }
  }

  /** A limit: a whole number, with a byte or time unit where the quota has one, or unlimited. */
  private long amount(Quota q, JsonNode node, String key) {
    String text = scalar(node, key).trim();
    if (text.equalsIgnoreCase("unlimited")) {
      return QuotaConfig.UNLIMITED;
    }
    Matcher m = AMOUNT.matcher(text);
    boolean time = q == Quota.CPU_TIME;
    boolean bytes = q.unit().equals("bytes");
    Map<String, Long> units = time ? TIME_UNITS : bytes ? BYTE_UNITS : Map.of("", 1L);
    String hint = time ? "a duration such as 60h, 20m, 90s or 500ms"
        : bytes ? "a byte count such as 1073741824, 1GiB, 68MiB or 12GB"
        : "a whole number such as 20000";
    if (!m.matches()) {
      throw error(key, "'" + text + "' is not " + hint + ", nor unlimited");
    }
    Long unit = units.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null || (time && m.group(2).isEmpty())) {
      throw error(key, "'" + text + "' has " + (m.group(2).isEmpty() ? "no unit" : "an unknown"
          + " unit '" + m.group(2) + "'") + "; write " + hint);
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1).replace("_", "").replace(",", "")), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw error(key, "'" + text + "' is too large");
    }
  }

  private ZoneId zone(JsonNode node) {
    String text = scalar(node, "reset.zone");
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw error("reset.zone", "'" + text + "' is not a time zone (e.g. America/Los_Angeles, UTC)");
    }
  }

  private LocalTime time(JsonNode node) {
    if (node.isNumber()) {
      throw error("reset.time", "'" + node.asText() + "' is a number; quote the time: \"00:00\"");
    }
    String text = scalar(node, "reset.time");
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw error("reset.time", "'" + text + "' is not a time of day as HH:mm (e.g. \"00:00\")");
    }
  }

  private String scalar(JsonNode node, String key) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      throw error(key, "needs a value, not " + (node == null || node.isNull() ? "nothing"
          : node.isObject() ? "a mapping" : "a list"));
    }
    return node.asText();
  }

  /** Checks that {@code node} is a mapping whose keys are all in {@code allowed} (null: any). */
  private void mapping(JsonNode node, String key, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw error(key, "must be a mapping");
    }
    if (allowed == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String field = e.getKey();
      if (!allowed.contains(field)) {
        String where = key.equals("the top level") ? field : key + "." + field;
        throw error(where, "unknown key '" + field + "'; allowed here: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String names() {
    StringBuilder s = new StringBuilder();
    for (Quota q : Quota.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(q.configName());
    }
    return s.toString();
  }

  private BadRequestException error(String key, String message) {
    return new BadRequestException(source + ": " + key + ": " + message);
  }
}
