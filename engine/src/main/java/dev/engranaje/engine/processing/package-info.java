/**
 * The single-writer processor: commands arrive on a queue, are processed in batches on one thread,
 * each batch's records are committed in one storage transaction, and only then are replies
 * released.
 */
package dev.engranaje.engine.processing;
