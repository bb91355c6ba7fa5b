/** Processors of gateways. */
package dev.engranaje.engine.processing.bpmn.gateway;
