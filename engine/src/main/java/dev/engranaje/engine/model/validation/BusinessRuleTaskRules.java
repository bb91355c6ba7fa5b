package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;

/**
 * Business rule tasks (spec §2, §4): either a {@code zeebe:taskDefinition} with a type (a job), or
 * a {@code zeebe:calledDecision} with a {@code decisionId} (static or FEEL), a
 * {@code resultVariable}, and a {@code versionTag} when bound by version tag.
 */
final class BusinessRuleTaskRules implements ModelRule {
  static final String MISSING_IMPLEMENTATION = "Expected business rule task '%s' to have a 'zeebe:calledDecision'"
      + " or a 'zeebe:taskDefinition', but it has neither";
  static final String EMPTY_TASK_TYPE = "Expected 'zeebe:taskDefinition' of business rule task '%s' to have a"
      + " non-empty 'type', but it was empty";
  static final String MISSING_DECISION_ID = "Expected 'zeebe:calledDecision' of '%s' to have a non-empty"
      + " 'decisionId', but none was found";
  static final String MISSING_RESULT_VARIABLE = "Expected 'zeebe:calledDecision' of '%s' to have a non-empty"
      + " 'resultVariable', but none was found";
  static final String MISSING_VERSION_TAG = "Expected 'zeebe:calledDecision' of '%s' with bindingType 'versionTag'"
      + " to have a non-empty 'versionTag', but none was found";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (BusinessRuleTask task : Elements.flowElements(model, BusinessRuleTask.class)) {
      String id = Elements.id(task);
      ZeebeTaskDefinition job = Elements.firstExtension(task, ZeebeTaskDefinition.class);
      ZeebeCalledDecision decision = Elements.firstExtension(task, ZeebeCalledDecision.class);
      if (job != null) {
        if (Elements.isBlank(job.getType())) {
          findings.add(id, EMPTY_TASK_TYPE, id);
        }
      } else if (decision == null) {
        findings.add(id, MISSING_IMPLEMENTATION, id);
      } else {
        checkCalledDecision(id, decision, findings);
      }
    }
  }

  private static void checkCalledDecision(String id, ZeebeCalledDecision decision, Findings findings) {
    String decisionId = decision.getDecisionId();
    if (Elements.isBlank(decisionId)) {
      findings.add(id, MISSING_DECISION_ID, id);
    } else if (FeelExpressions.isExpression(decisionId)) {
      FeelExpressions.parseError(decisionId).ifPresent(error -> findings.add(id, ExpressionRules.INVALID_FEEL,
          "'decisionId' of 'zeebe:calledDecision'", error));
    }
    if (Elements.isBlank(decision.getResultVariable())) {
      findings.add(id, MISSING_RESULT_VARIABLE, id);
    }
    if (decision.getBindingType() == ZeebeBindingType.versionTag && Elements.isBlank(decision.getVersionTag())) {
      findings.add(id, MISSING_VERSION_TAG, id);
    }
  }
}
