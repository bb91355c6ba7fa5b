package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;

/** camunda-compat loop-characteristics: a multi-instance has an input collection; output collection and element go together. */
public final class CompatLoopCharacteristicsRule extends BaseRule {
  static final String NO_INPUT = "Expected multi-instance '%s' to have an input collection (zeebe:loopCharacteristics"
      + " inputCollection), but it has none";
  static final String HALF_OUTPUT = "Expected multi-instance '%s' to set both 'outputCollection' and 'outputElement',"
      + " but it sets only '%s'";

  public CompatLoopCharacteristicsRule() {
    super("camunda-compat/loop-characteristics", Severity.ERROR,
        "Multi-instance activities have an input collection; output collection and element come together.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (MultiInstanceLoopCharacteristics loop : model.model().getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      String id = ModelElements.owningId(loop);
      ZeebeLoopCharacteristics zeebe = ModelElements.extension(loop, ZeebeLoopCharacteristics.class);
      if (zeebe == null || ModelElements.isBlank(zeebe.getInputCollection())) {
        report.add(id, NO_INPUT, id);
        continue;
      }
      boolean collection = !ModelElements.isBlank(zeebe.getOutputCollection());
      boolean element = !ModelElements.isBlank(zeebe.getOutputElement());
      if (collection != element) {
        report.add(id, HALF_OUTPUT, id, collection ? "outputCollection" : "outputElement");
      }
    }
  }
}
