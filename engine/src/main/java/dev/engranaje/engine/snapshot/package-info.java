/**
 * Snapshots of the engine state and recovery from them: the state is captured on the processor
 * thread every so many records or minutes (and on a clean stop), written to the engine's database
 * off the processor, and recovery restores the newest readable snapshot and replays only the log
 * after it. See docs/engine/snapshots.md.
 */
package dev.engranaje.engine.snapshot;
