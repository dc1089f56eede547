/**
 * Reading GQL text into the {@link dev.megalite.gql.ast} tree: the ANTLR lexer and parser generated
 * from {@code GqlLexer.g4} and {@code GqlParser.g4}, the dialect filter on the token stream, the
 * error strategy that turns ANTLR's expected-token sets into readable messages, and the
 * package-private builder from the parse tree to the AST. The only package that sees ANTLR types;
 * its public face is {@link dev.megalite.gql.parser.GqlSyntax}. Raises {@link
 * dev.megalite.gql.GqlException} and nothing else.
 */
package dev.megalite.gql.parser;
