/** Read-only queries over the engine state, answered on the processor thread. */
package dev.engranaje.engine.processing.query;
