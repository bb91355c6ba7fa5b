package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;

/** camunda-compat start-event-form-embedded (8.9, a warning): start events link forms instead of embedding them. */
public final class CompatStartEventFormEmbeddedRule extends BaseRule {
  static final String MESSAGE = "Expected start event '%s' to link a form ('formId'), but it embeds one ('formKey' %s),"
      + " which Camunda 8.9 deprecates";

  public CompatStartEventFormEmbeddedRule() {
    super("camunda-compat/start-event-form-embedded", Severity.WARNING, "Start events link forms rather than embed them.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (StartEvent start : ModelElements.flowElements(model.model(), StartEvent.class)) {
      ZeebeFormDefinition form = ModelElements.extension(start, ZeebeFormDefinition.class);
      if (form != null && ModelElements.embeddedFormId(form) != null) {
        report.add(start.getId(), MESSAGE, start.getId(), form.getFormKey());
      }
    }
  }
}
