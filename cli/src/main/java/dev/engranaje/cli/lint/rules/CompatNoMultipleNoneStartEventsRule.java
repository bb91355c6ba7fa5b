package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.ArrayList;
import java.util.List;

/** camunda-compat no-multiple-none-start-events: at most one start event without a trigger per scope. */
public final class CompatNoMultipleNoneStartEventsRule extends BaseRule {
  static final String MESSAGE = "Expected at most one none start event in '%s', but there are %d: %s";

  public CompatNoMultipleNoneStartEventsRule() {
    super("camunda-compat/no-multiple-none-start-events", Severity.ERROR,
        "A process or subprocess has at most one start event without a trigger.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    List<BaseElement> scopes = new ArrayList<>(model.model().getModelElementsByType(Process.class));
    scopes.addAll(ModelElements.flowElements(model.model(), SubProcess.class));
    for (BaseElement scope : scopes) {
      List<String> none = scope.getChildElementsByType(StartEvent.class).stream()
          .filter(s -> s.getEventDefinitions().isEmpty()).map(StartEvent::getId).toList();
      if (none.size() > 1) {
        report.add(scope.getId(), MESSAGE, scope.getId(), none.size(), none);
      }
    }
  }
}
