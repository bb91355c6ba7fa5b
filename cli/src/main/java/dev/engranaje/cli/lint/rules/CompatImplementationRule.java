package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;

/**
 * camunda-compat implementation: every task that does work says how. Service and send tasks and
 * message throw/end events need a job type; business rule tasks a called decision (with result
 * variable) or a job type; script tasks a FEEL script (with result variable) or a job type.
 */
public final class CompatImplementationRule extends BaseRule {
  static final String NO_JOB_TYPE = "Expected %s '%s' to have a 'zeebe:taskDefinition' with a 'type', but %s;"
      + " pick a template or set Task definition > Type";
  static final String NO_DECISION = "Expected business rule task '%s' to call a decision (zeebe:calledDecision with"
      + " 'decisionId' and 'resultVariable') or to have a job type, but it has neither";
  static final String NO_SCRIPT = "Expected script task '%s' to have a FEEL script (zeebe:script with 'expression'"
      + " and 'resultVariable') or a job type, but it has neither";

  public CompatImplementationRule() {
    super("camunda-compat/implementation", Severity.ERROR,
        "Service, send, business rule and script tasks and message throw events say how they are implemented.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      if (node instanceof ServiceTask || node instanceof SendTask || ModelElements.isMessageThrow(node)) {
        requireJobType(node, report);
      } else if (node instanceof BusinessRuleTask task && !hasJobType(task)) {
        ZeebeCalledDecision decision = ModelElements.extension(task, ZeebeCalledDecision.class);
        if (decision == null || ModelElements.isBlank(decision.getDecisionId())
            || ModelElements.isBlank(decision.getResultVariable())) {
          report.add(task.getId(), NO_DECISION, task.getId());
        }
      } else if (node instanceof ScriptTask task && !hasJobType(task)) {
        ZeebeScript script = ModelElements.extension(task, ZeebeScript.class);
        if (script == null || ModelElements.isBlank(script.getExpression())
            || ModelElements.isBlank(script.getResultVariable())) {
          report.add(task.getId(), NO_SCRIPT, task.getId());
        }
      }
    }
  }

  private static void requireJobType(FlowNode node, LintReport report) {
    ZeebeTaskDefinition definition = ModelElements.extension(node, ZeebeTaskDefinition.class);
    String kind = node.getElementType().getTypeName();
    if (definition == null) {
      report.add(node.getId(), NO_JOB_TYPE, kind, node.getId(), "it has no task definition");
    } else if (ModelElements.isBlank(definition.getType())) {
      report.add(node.getId(), NO_JOB_TYPE, kind, node.getId(), "the 'type' is empty");
    }
  }

  private static boolean hasJobType(FlowNode node) {
    ZeebeTaskDefinition definition = ModelElements.extension(node, ZeebeTaskDefinition.class);
    return definition != null;
  }
}
