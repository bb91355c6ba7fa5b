package dev.engranaje.engine;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.validation.DeploymentValidator;
import dev.engranaje.engine.model.validation.ValidatedResource;
import dev.engranaje.engine.processing.deployment.BpmnResourceReader;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Reads deployment resources through the {@link DeploymentValidator}: a resource with findings is
 * rejected (INVALID_ARGUMENT) with every finding, one per line, each naming file and element.
 */
final class ValidatingResourceReader implements BpmnResourceReader {
  private final DeploymentValidator validator = new DeploymentValidator();

  @Override
  public BpmnModelInstance read(String resourceName, byte[] content) {
    ValidatedResource result = validator.validate(resourceName, content);
    if (result instanceof ValidatedResource.Accepted accepted) {
      return accepted.model();
    }
    throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected to deploy a valid BPMN resource, but '" + resourceName
        + "' is invalid:\n" + result.describe());
  }
}
