/**
 * The GQL abstract syntax tree: immutable records in sealed families, each node with the {@link
 * dev.megalite.gql.ast.Position} it was read from. One tree serves both dialects; it is already
 * normalised (a backward comparison is stored forward, {@code CONTAINS} as {@code =}, {@code LIMIT
 * a, b} as a limit and an offset), so two texts that mean the same query have the same tree up to
 * positions. Depends on the JDK and {@code dev.megalite.api.query} enums only; never on ANTLR.
 */
package dev.megalite.gql.ast;
