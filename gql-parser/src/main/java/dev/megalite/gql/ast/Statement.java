package dev.megalite.gql.ast;

/** A whole GQL statement: a query for entities or keys, or an aggregation over one. */
public sealed interface Statement permits SelectStatement, AggregateStatement {

  Position position();
}
