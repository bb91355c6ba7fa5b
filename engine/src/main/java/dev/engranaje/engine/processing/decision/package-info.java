/** Standalone decision evaluations (outside any process instance). */
package dev.engranaje.engine.processing.decision;
