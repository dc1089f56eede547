package dev.megalite.gql.ast;

import java.util.Objects;

/**
 * A kind, property, alias or key-path kind name, as written (unquoted and unescaped). Names are
 * case-sensitive. A name is also an {@link Expr} because Cloud GQL writes key kinds as names:
 * {@code KEY(Person, 1)}.
 */
public record Name(Position position, String text) implements Expr {
  public Name {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(text, "text");
  }

  /** Whether this is the key pseudo-property {@code __key__}. */
  public boolean isKey() {
    return text.equals("__key__");
  }
}
