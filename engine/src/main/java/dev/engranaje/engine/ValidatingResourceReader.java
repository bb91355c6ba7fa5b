package dev.engranaje.engine;

import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.deployment.BpmnResourceReader;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;

/** Reads deployment resources into models, rejecting any that are malformed or invalid. */
final class ValidatingResourceReader implements BpmnResourceReader {
  private final ExpressionLanguage expressions;

  ValidatingResourceReader(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  @Override
  public BpmnModelInstance read(String resourceName, byte[] content) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "'" + resourceName + "': Expected a BPMN model, but it could not be read: " + e.getMessage());
    }
  }
}
