package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;

/**
 * Call activities (spec 1.2 "Required attributes", spec 8): a {@code zeebe:calledElement} with a
 * non-empty {@code processId}, which must parse when it is a FEEL expression.
 */
final class CallActivityRules implements ModelRule {

  static final String MISSING_CALLED_ELEMENT =
      "Expected a 'zeebe:calledElement' with a non-empty 'processId', but none was found";
  static final String EMPTY_PROCESS_ID =
      "Expected a 'zeebe:calledElement' with a non-empty 'processId', but the 'processId' was empty";
  static final String INVALID_PROCESS_ID =
      "Expected a valid FEEL expression in 'processId' of 'zeebe:calledElement', but %s";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (CallActivity activity : Elements.flowElements(model, CallActivity.class)) {
      String id = Elements.id(activity);
      ZeebeCalledElement called = Elements.firstExtension(activity, ZeebeCalledElement.class);
      if (called == null) {
        findings.add(id, MISSING_CALLED_ELEMENT);
        continue;
      }
      String processId = called.getProcessId();
      if (Elements.isBlank(processId)) {
        findings.add(id, EMPTY_PROCESS_ID);
      } else if (FeelExpressions.isExpression(processId)) {
        FeelExpressions.parseError(processId).ifPresent(error -> findings.add(id, INVALID_PROCESS_ID, error));
      }
    }
  }
}
