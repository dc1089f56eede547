package dev.megalite.index;

import dev.megalite.api.error.BadRequestException;

/**
 * An index configuration file is wrong. The message starts {@code file:line:} like a compiler's,
 * and names the field: {@code index.yaml:7: property 'direction' must be asc or desc, not 'up'}.
 */
public class IndexConfigException extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  /**
   * @param file the file as the caller named it, e.g. {@code index.yaml}
   * @param line 1-based line of the mistake
   * @param field the field or attribute at fault, or "" when the mistake is the syntax itself
   * @param detail what is wrong, without the location prefix
   */
  public IndexConfigException(String file, int line, String field, String detail) {
    super(file + ":" + line + ": " + detail);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public IndexConfigException(String file, int line, String field, String detail, Throwable cause) {
    super(file + ":" + line + ": " + detail, cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The field or attribute at fault ({@code direction}, {@code kind}, …), or "" for syntax. */
  public String field() {
    return field;
  }
}
