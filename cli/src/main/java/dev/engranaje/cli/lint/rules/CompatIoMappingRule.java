package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;

/** camunda-compat io-mapping: an input names its target; an output its source and target. */
public final class CompatIoMappingRule extends BaseRule {
  static final String MESSAGE = "Expected every %s mapping of '%s' to have a '%s', but %s";

  public CompatIoMappingRule() {
    super("camunda-compat/io-mapping", Severity.ERROR,
        "Input mappings have a target; output mappings have a source and a target.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      ZeebeIoMapping mapping = ModelElements.extension(node, ZeebeIoMapping.class);
      if (mapping == null) {
        continue;
      }
      for (ZeebeInput input : mapping.getInputs()) {
        if (ModelElements.isBlank(input.getTarget())) {
          report.add(node.getId(), MESSAGE, "input", node.getId(), "target",
              "the input with source '" + input.getSource() + "' has none");
        }
      }
      for (ZeebeOutput output : mapping.getOutputs()) {
        if (ModelElements.isBlank(output.getSource())) {
          report.add(node.getId(), MESSAGE, "output", node.getId(), "source",
              "the output to '" + output.getTarget() + "' has none");
        }
        if (ModelElements.isBlank(output.getTarget())) {
          report.add(node.getId(), MESSAGE, "output", node.getId(), "target",
              "the output from '" + output.getSource() + "' has none");
        }
      }
    }
  }
}
