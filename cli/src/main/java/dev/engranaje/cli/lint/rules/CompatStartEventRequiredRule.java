package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** bpmnlint start-event-required (part of Modeler's Camunda 8 set): processes and subprocesses have a start event. */
public final class CompatStartEventRequiredRule extends BaseRule {
  static final String MESSAGE = "Expected %s '%s' to have a start event, but it has none";

  public CompatStartEventRequiredRule() {
    super("camunda-compat/start-event-required", Severity.ERROR, "Every process and subprocess has a start event.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (Process process : model.model().getModelElementsByType(Process.class)) {
      if (process.isExecutable() && !process.getFlowElements().isEmpty() && lacksStart(process)) {
        report.add(process.getId(), MESSAGE, "process", process.getId());
      }
    }
    for (SubProcess subProcess : ModelElements.flowElements(model.model(), SubProcess.class)) {
      if (!(subProcess instanceof AdHocSubProcess) && lacksStart(subProcess)) {
        report.add(subProcess.getId(), MESSAGE, "subprocess", subProcess.getId());
      }
    }
  }

  private static boolean lacksStart(ModelElementInstance scope) {
    return scope.getChildElementsByType(StartEvent.class).isEmpty();
  }
}
