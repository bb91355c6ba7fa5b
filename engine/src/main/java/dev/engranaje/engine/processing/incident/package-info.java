/** Resolving incidents. */
package dev.engranaje.engine.processing.incident;
