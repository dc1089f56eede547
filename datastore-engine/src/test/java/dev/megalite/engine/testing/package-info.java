/** Test support shared by the engine's tests: reference semantics written independently. */
package dev.megalite.engine.testing;
