package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;

/**
 * A user task without a form: the person who gets it sees no fields and no instructions. An
 * embedded form with no content counts as none.
 */
public final class UserTaskFormRule extends BaseRule {
  static final String NO_FORM = "Expected user task '%s' to have a form (Form > linked form id), but it has none, so"
      + " the person gets no fields or instructions";
  static final String EMPTY_FORM = "Expected the embedded form '%s' of user task '%s' to have content, but it is empty";

  public UserTaskFormRule() {
    super("rpa/user-task-form", Severity.WARNING, "Every user task has a form with content.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (UserTask task : ModelElements.flowElements(model.model(), UserTask.class)) {
      ZeebeFormDefinition form = ModelElements.extension(task, ZeebeFormDefinition.class);
      if (form == null) {
        report.add(task.getId(), NO_FORM, task.getId());
      } else if (ModelElements.embeddedFormId(form) != null) {
        String formId = ModelElements.embeddedFormId(form);
        ModelElements.embeddedForm(model.model(), formId).filter(f -> ModelElements.isBlank(f.getTextContent()))
            .ifPresent(f -> report.add(task.getId(), EMPTY_FORM, formId, task.getId()));
      }
    }
  }
}
