/**
 * JUnit 5 support for code on Megalite: {@link dev.megalite.testing.MegaliteTest} gives each test
 * a fresh in-memory or RocksDB store, made the model layer's default, and injects it as a
 * parameter. Depends on the engine and the JUnit Jupiter API.
 */
package dev.megalite.testing;
