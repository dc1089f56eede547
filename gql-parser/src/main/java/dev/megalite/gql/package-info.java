/**
 * GQL for Megalite: {@link dev.megalite.gql.Gql#parse} reads App Engine GQL or Cloud GQL into a
 * cached, immutable {@link dev.megalite.gql.GqlStatement}; {@link
 * dev.megalite.gql.GqlStatement#bind} applies {@link dev.megalite.gql.GqlBindings} and yields a
 * {@link dev.megalite.gql.BoundGql}: an api {@code Query} or {@code AggregationQuery}. Every
 * failure is a {@link dev.megalite.gql.GqlException} with a line and column.
 *
 * <p>Owns the public API, the binder (AST + arguments to api queries) and the cast evaluation.
 * Depends on {@code dev.megalite.api}, {@link dev.megalite.gql.ast}, {@link
 * dev.megalite.gql.format} and {@link dev.megalite.gql.parser}'s {@code GqlSyntax}; never on
 * ANTLR types (the parser package in turn depends on this one only for {@link
 * dev.megalite.gql.GqlException}).
 */
package dev.megalite.gql;
