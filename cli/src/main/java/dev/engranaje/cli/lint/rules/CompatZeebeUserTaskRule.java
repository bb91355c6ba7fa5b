package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;

/**
 * camunda-compat zeebe-user-task (a warning since 8.6): job-worker user tasks are deprecated; use
 * Camunda user tasks ({@code zeebe:userTask}).
 */
public final class CompatZeebeUserTaskRule extends BaseRule {
  static final String MESSAGE = "Expected user task '%s' to be a Camunda user task (<zeebe:userTask/>), but it is a"
      + " job-worker user task, deprecated since Camunda 8.6; set Implementation to 'Camunda user task' in Modeler";

  public CompatZeebeUserTaskRule() {
    super("camunda-compat/zeebe-user-task", Severity.WARNING, "User tasks are Camunda user tasks, not job-worker ones.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (UserTask task : ModelElements.flowElements(model.model(), UserTask.class)) {
      if (ModelElements.extension(task, ZeebeUserTask.class) == null) {
        report.add(task.getId(), MESSAGE, task.getId());
      }
    }
  }
}
