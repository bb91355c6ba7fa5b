/**
 * BPMN element behaviour: one {@link dev.engranaje.engine.processing.bpmn.ElementProcessor} per element
 * kind, registered in {@link dev.engranaje.engine.processing.bpmn.ElementProcessors}, and the shared
 * behaviours they use.
 */
package dev.engranaje.engine.processing.bpmn;
