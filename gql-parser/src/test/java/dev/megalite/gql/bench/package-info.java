/** A hand-run benchmark of parse and bind; not part of the build's tests. */
package dev.megalite.gql.bench;
