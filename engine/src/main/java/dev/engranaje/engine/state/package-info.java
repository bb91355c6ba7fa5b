/**
 * The engine's in-memory state. It changes only through {@link dev.engranaje.engine.state.EventApplier}
 * (mutators are package-private), which applies each event record; replaying the committed record
 * log through the same applier rebuilds the state after a restart. Not thread-safe: owned by the
 * processor thread.
 */
package dev.engranaje.engine.state;
