package dev.megalite.gql.ast;

/** What {@code LIMIT} and {@code OFFSET} take: an integer literal or a binding site. */
public sealed interface ResultPosition
    permits Expr.IntegerLiteral, Expr.Binding {

  Position position();
}
