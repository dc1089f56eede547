/**
 * Conversions between the {@code google.datastore.v1} protocol messages and the Megalite api:
 * keys, values, entities, structured and aggregation queries, GQL bindings. Nothing here touches
 * storage or the network; the server's services call it on the way in and out.
 */
package dev.megalite.server.proto;
