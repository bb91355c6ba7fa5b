package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;

/** camunda-compat called-element: a call activity names the process it calls. */
public final class CompatCalledElementRule extends BaseRule {
  static final String MESSAGE = "Expected call activity '%s' to name the process it calls (zeebe:calledElement"
      + " 'processId'), but %s";

  public CompatCalledElementRule() {
    super("camunda-compat/called-element", Severity.ERROR, "A call activity has a called process id.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (CallActivity activity : ModelElements.flowElements(model.model(), CallActivity.class)) {
      ZeebeCalledElement called = ModelElements.extension(activity, ZeebeCalledElement.class);
      if (called == null) {
        report.add(activity.getId(), MESSAGE, activity.getId(), "it has no zeebe:calledElement");
      } else if (ModelElements.isBlank(called.getProcessId())) {
        report.add(activity.getId(), MESSAGE, activity.getId(), "the 'processId' is empty");
      }
    }
  }
}
