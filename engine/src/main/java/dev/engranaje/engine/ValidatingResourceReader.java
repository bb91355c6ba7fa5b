package dev.engranaje.engine;

import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.model.validation.DeploymentValidator;
import dev.engranaje.engine.model.validation.ModelLimits;
import dev.engranaje.engine.model.validation.ValidatedResource;
import dev.engranaje.engine.processing.deployment.BpmnResourceReader;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Reads deployment resources through the {@link DeploymentValidator}: a resource with findings is
 * rejected (INVALID_ARGUMENT) with every finding, one per line, each naming file and element.
 */
final class ValidatingResourceReader implements BpmnResourceReader {

  /** Built on first use (class initialisation is thread-safe): it loads FEEL, which is slow to start. */
  private static final class Validator {
    static final DeploymentValidator INSTANCE = new DeploymentValidator();
  }

  /** Builds the validator now, on a spare thread, so the first deployment does not wait for it. */
  static void warmUp() {
    Validator.INSTANCE.hashCode();
  }

  private final DeploymentValidator validator;

  /** A reader with the default model limits (sharing the warmed-up validator). */
  ValidatingResourceReader() {
    this(ModelLimits.DEFAULTS);
  }

  ValidatingResourceReader(ModelLimits limits) {
    this.validator = limits.equals(ModelLimits.DEFAULTS) ? Validator.INSTANCE : new DeploymentValidator(limits);
  }

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
