package dev.megalite.index;

import dev.megalite.api.PathElement;
import dev.megalite.api.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A composite index: a kind, whether rows are kept per ancestor, and ordered properties with
 * directions. Immutable and validated at construction. Two definitions are equal when kind,
 * ancestor flag and the property list (names and directions, in order) are.
 *
 * <p>{@link #canonical()} is an injective text form usable as a storage key; {@link #id()} a
 * 64-bit digest of it. Both are stable across releases. The natural order is App Engine's order
 * of index.yaml's generated section: kind, then non-ancestor before ancestor, then properties
 * compared pairwise (name, then asc before desc), a prefix first.
 */
public final class IndexDefinition implements Comparable<IndexDefinition> {
  private final String kind;
  private final boolean ancestor;
  private final List<IndexProperty> properties;
  private final String canonical;

  private IndexDefinition(String kind, boolean ancestor, List<IndexProperty> properties) {
    validateKind(kind);
    this.kind = kind;
    this.ancestor = ancestor;
    this.properties = List.copyOf(properties);
    Set<String> seen = new HashSet<>();
    for (IndexProperty p : this.properties) {
      if (!seen.add(p.name())) {
        throw new BadRequestException(
            "index on kind '" + kind + "' names property '" + p.name() + "' twice");
      }
    }
    this.canonical = canonicalForm();
  }

  /**
   * An index on {@code kind}. An index may have no properties (App Engine accepts {@code - kind:
   * K} with {@code ancestor: yes}); the rules never ask for one.
   */
  public static IndexDefinition of(String kind, boolean ancestor, List<IndexProperty> properties) {
    if (properties == null) {
      throw new BadRequestException("index properties are null");
    }
    return new IndexDefinition(kind, ancestor, properties);
  }

  public static Builder newBuilder(String kind) {
    return new Builder(kind);
  }

  public Builder toBuilder() {
    Builder b = new Builder(kind).ancestor(ancestor);
    b.properties.addAll(properties);
    return b;
  }

  public String kind() {
    return kind;
  }

  public boolean ancestor() {
    return ancestor;
  }

  public List<IndexProperty> properties() {
    return properties;
  }

  /**
   * An injective text form: {@code Kind|A|name+|other-} ({@code A} for an ancestor index, {@code
   * -} otherwise; {@code +} ascending, {@code -} descending); {@code |} and {@code \} inside names
   * are escaped with {@code \}.
   */
  public String canonical() {
    return canonical;
  }

  /** The first 64 bits (big-endian) of the SHA-256 of {@link #canonical()} in UTF-8. */
  public long id() {
    byte[] digest = sha256(canonical.getBytes(StandardCharsets.UTF_8));
    long id = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      id = (id << 8) | (digest[i] & 0xFF);
    }
    return id;
  }

  /**
   * This index as one entry of index.yaml's {@code indexes:} list, exactly as App Engine writes
   * it, ending in a newline:
   *
   * <pre>
   * - kind: Employee
   *   ancestor: yes
   *   properties:
   *   - name: lastName
   *   - name: hireDate
   *     direction: desc
   * </pre>
   *
   * The {@code ancestor} line appears only for ancestor indexes, {@code direction} only for
   * descending properties. Names that YAML would read as something else are double-quoted.
   */
  public String toYaml() {
    StringBuilder out = new StringBuilder();
    out.append("- kind: ").append(YamlText.scalar(kind)).append('\n');
    if (ancestor) {
      out.append("  ancestor: yes\n");
    }
    if (!properties.isEmpty()) {
      out.append("  properties:\n");
      for (IndexProperty p : properties) {
        out.append("  - name: ").append(YamlText.scalar(p.name())).append('\n');
        if (p.direction() == Direction.DESC) {
          out.append("    direction: desc\n");
        }
      }
    }
    return out.toString();
  }

  @Override
  public int compareTo(IndexDefinition o) {
    int c = compareText(kind, o.kind);
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(ancestor, o.ancestor);
    if (c != 0) {
      return c;
    }
    int n = Math.min(properties.size(), o.properties.size());
    for (int i = 0; i < n; i++) {
      IndexProperty a = properties.get(i);
      IndexProperty b = o.properties.get(i);
      c = compareText(a.name(), b.name());
      if (c == 0) {
        c = a.direction().compareTo(b.direction());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(properties.size(), o.properties.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexDefinition d && canonical.equals(d.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /** For logs and plans: {@code Employee ancestor (lastName asc, hireDate desc)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(kind);
    if (ancestor) {
      out.append(" ancestor");
    }
    out.append(" (");
    for (int i = 0; i < properties.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(properties.get(i));
    }
    return out.append(')').toString();
  }

  /** Code point order, which is UTF-8 byte order (the order App Engine sorted names in). */
  private static int compareText(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private String canonicalForm() {
    StringBuilder out = new StringBuilder();
    escape(out, kind);
    out.append(ancestor ? "|A" : "|-");
    for (IndexProperty p : properties) {
      out.append('|');
      escape(out, p.name());
      out.append(p.direction() == Direction.DESC ? '-' : '+');
    }
    return out.toString();
  }

  private static void escape(StringBuilder out, String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '|' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  private static void validateKind(String kind) {
    if (kind == null || kind.isEmpty()) {
      throw new BadRequestException("an index needs a kind");
    }
    int bytes = kind.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > PathElement.MAX_NAME_BYTES) {
      throw new BadRequestException(
          String.format(
              java.util.Locale.ROOT,
              "kind '%s…' is %,d bytes; the limit is %,d",
              kind.substring(0, 20),
              bytes,
              PathElement.MAX_NAME_BYTES));
    }
    PathElement.checkWellFormed("kind", kind);
    if (PathElement.isReserved(kind)) {
      throw new BadRequestException(
          "kind '" + kind + "' is reserved: names of the form __x__ belong to the datastore");
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Builds an {@link IndexDefinition}. Not thread-safe. */
  public static final class Builder {
    private final String kind;
    private boolean ancestor;
    private final List<IndexProperty> properties = new ArrayList<>();

    private Builder(String kind) {
      this.kind = kind;
    }

    public Builder ancestor(boolean ancestor) {
      this.ancestor = ancestor;
      return this;
    }

    public Builder property(IndexProperty property) {
      properties.add(property);
      return this;
    }

    public Builder property(String name, Direction direction) {
      return property(new IndexProperty(name, direction));
    }

    public Builder asc(String name) {
      return property(IndexProperty.asc(name));
    }

    public Builder desc(String name) {
      return property(IndexProperty.desc(name));
    }

    public IndexDefinition build() {
      return new IndexDefinition(kind, ancestor, properties);
    }
  }
}
