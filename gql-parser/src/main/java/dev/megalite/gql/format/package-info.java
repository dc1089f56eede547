/**
 * Canonical GQL text from the AST: upper-case keywords, single spaces, names quoted only when they
 * must be, the dialect's own spelling of bindings, lists and ancestor conditions. Reading the
 * output back gives the same tree. Depends on {@link dev.megalite.gql.ast} only.
 */
package dev.megalite.gql.format;
