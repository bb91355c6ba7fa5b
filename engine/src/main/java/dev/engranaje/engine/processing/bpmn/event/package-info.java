/** Processors of events: start, end, boundary. */
package dev.engranaje.engine.processing.bpmn.event;
