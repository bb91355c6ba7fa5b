/** Processors of tasks: job-based tasks and pass-through tasks. */
package dev.engranaje.engine.processing.bpmn.task;
