/**
 * The engine's command and query surface: what the REST API (and in-process callers) may ask of the
 * engine. Every method is asynchronous; a future completes only after the records the command
 * produced are committed to storage, and fails with {@link dev.engranaje.engine.gateway.Rejection}
 * when the engine refuses the command.
 */
package dev.engranaje.engine.gateway;
