package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;

/**
 * Script tasks (spec §2, §4): either a {@code zeebe:taskDefinition} with a type (a job), or a
 * {@code zeebe:script} with a FEEL {@code expression} and a {@code resultVariable}.
 */
final class ScriptTaskRules implements ModelRule {
  static final String MISSING_IMPLEMENTATION = "Expected script task '%s' to have a 'zeebe:script' or a"
      + " 'zeebe:taskDefinition', but it has neither";
  static final String EMPTY_TASK_TYPE = "Expected 'zeebe:taskDefinition' of script task '%s' to have a"
      + " non-empty 'type', but it was empty";
  static final String MISSING_EXPRESSION = "Expected 'zeebe:script' of '%s' to have a FEEL 'expression' (starting"
      + " with '='), but it was '%s'";
  static final String MISSING_RESULT_VARIABLE = "Expected 'zeebe:script' of '%s' to have a non-empty"
      + " 'resultVariable', but none was found";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (ScriptTask task : Elements.flowElements(model, ScriptTask.class)) {
      String id = Elements.id(task);
      ZeebeTaskDefinition job = Elements.firstExtension(task, ZeebeTaskDefinition.class);
      ZeebeScript script = Elements.firstExtension(task, ZeebeScript.class);
      if (job != null) {
        if (Elements.isBlank(job.getType())) {
          findings.add(id, EMPTY_TASK_TYPE, id);
        }
        continue;
      }
      if (script == null) {
        findings.add(id, MISSING_IMPLEMENTATION, id);
        continue;
      }
      String expression = script.getExpression();
      if (!FeelExpressions.isExpression(expression)) {
        findings.add(id, MISSING_EXPRESSION, id, expression == null ? "" : expression);
      } else {
        FeelExpressions.parseError(expression).ifPresent(error -> findings.add(id, ExpressionRules.INVALID_FEEL,
            "'expression' of 'zeebe:script'", error));
      }
      if (Elements.isBlank(script.getResultVariable())) {
        findings.add(id, MISSING_RESULT_VARIABLE, id);
      }
    }
  }
}
