/**
 * The Megalite emulator server: the Cloud Datastore v1 API over gRPC and REST on one port
 * ({@link dev.megalite.server.MegaliteServer}), the emulator endpoints ({@code /}, {@code /reset},
 * {@code /persist}, {@code /shutdown}) and the {@code megalite} command line
 * ({@link dev.megalite.server.Cli}). It depends on the engine's public api only and never touches
 * storage itself; protocol conversions live in {@code dev.megalite.server.proto}.
 */
package dev.megalite.server;
