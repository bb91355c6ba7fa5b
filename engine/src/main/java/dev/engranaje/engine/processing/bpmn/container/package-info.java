/** Processors of elements that contain others: the process and embedded subprocesses. */
package dev.engranaje.engine.processing.bpmn.container;
