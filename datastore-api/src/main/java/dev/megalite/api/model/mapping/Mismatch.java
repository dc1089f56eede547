package dev.megalite.api.model.mapping;

/**
 * A stored value does not fit a field; carries the path inside embedded entities. Checked and
 * without a stack trace: it is always caught and turned into a {@code LoadException} naming the
 * entity's key.
 */
final class Mismatch extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;

  Mismatch(String detail) {
    this(null, detail);
  }

  private Mismatch(String path, String detail) {
    super(detail, null, false, false);
    this.path = path;
  }

  /** The property path below the entity ({@code address.city}), or null when not yet known. */
  String path() {
    return path;
  }

  /** This mismatch one level further out: under property {@code name}. */
  Mismatch under(String name) {
    return new Mismatch(path == null ? name : name + "." + path, getMessage());
  }
}
