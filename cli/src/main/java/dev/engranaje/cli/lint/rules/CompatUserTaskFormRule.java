package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.List;

/**
 * camunda-compat user-task-form: a user task's form definition links exactly one form. A Camunda
 * user task ({@code zeebe:userTask}) takes a linked form ({@code formId}) or a custom form
 * ({@code externalReference}); a job-worker user task takes {@code formId} or {@code formKey}, and
 * an embedded {@code camunda-forms:bpmn:} key must name a {@code zeebe:userTaskForm} of the model.
 */
public final class CompatUserTaskFormRule extends BaseRule {
  static final String NONE = "Expected the form definition of user task '%s' to set %s, but it sets none";
  static final String SEVERAL = "Expected the form definition of user task '%s' to set one of %s, but it sets %s";
  static final String NOT_ALLOWED = "Expected the form definition of Camunda user task '%s' to use 'formId' or"
      + " 'externalReference', but it sets 'formKey' (embedded forms are for job-worker user tasks only)";
  static final String NO_EMBEDDED = "Expected an embedded form 'zeebe:userTaskForm' with id '%s' for user task '%s',"
      + " but the model has none";

  public CompatUserTaskFormRule() {
    super("camunda-compat/user-task-form", Severity.ERROR, "A user task's form definition links exactly one form.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (UserTask task : ModelElements.flowElements(model.model(), UserTask.class)) {
      ZeebeFormDefinition form = ModelElements.extension(task, ZeebeFormDefinition.class);
      if (form == null) {
        continue;
      }
      boolean camundaUserTask = ModelElements.extension(task, ZeebeUserTask.class) != null;
      List<String> set = new ArrayList<>();
      if (!ModelElements.isBlank(form.getFormId())) {
        set.add("formId");
      }
      if (!ModelElements.isBlank(form.getFormKey())) {
        set.add("formKey");
      }
      if (!ModelElements.isBlank(form.getExternalReference())) {
        set.add("externalReference");
      }
      String allowed = camundaUserTask ? "'formId' or 'externalReference'" : "'formId' or 'formKey'";
      if (set.isEmpty()) {
        report.add(task.getId(), NONE, task.getId(), allowed);
      } else if (set.size() > 1) {
        report.add(task.getId(), SEVERAL, task.getId(), allowed, set);
      } else if (camundaUserTask && set.contains("formKey")) {
        report.add(task.getId(), NOT_ALLOWED, task.getId());
      } else if (ModelElements.embeddedFormId(form) != null
          && ModelElements.embeddedForm(model.model(), ModelElements.embeddedFormId(form)).isEmpty()) {
        report.add(task.getId(), NO_EMBEDDED, ModelElements.embeddedFormId(form), task.getId());
      }
    }
  }
}
