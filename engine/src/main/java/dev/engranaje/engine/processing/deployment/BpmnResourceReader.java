package dev.engranaje.engine.processing.deployment;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Turns a deployment resource into a validated model.
 *
 * @see dev.engranaje.engine.gateway.Rejection thrown (INVALID_ARGUMENT) with a message naming the
 *     resource, the element and the rule when the resource is not an acceptable model
 */
@FunctionalInterface
public interface BpmnResourceReader {
  BpmnModelInstance read(String resourceName, byte[] content);
}
