package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.ElementTemplate;
import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import dev.engranaje.cli.lint.TemplateProperty;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.Optional;

/**
 * A task linked to an element template leaves a required field ({@code constraints.notEmpty})
 * empty. A field shown only under a condition (e.g. the password for basic authentication) is
 * required only when its condition holds.
 */
public final class TemplateRequiredFieldRule extends BaseRule {
  static final String MESSAGE = "Expected '%s' to fill the required field '%s' (%s) of template '%s', but it is empty";

  public TemplateRequiredFieldRule() {
    super("rpa/template-required-field", Severity.ERROR,
        "A task linked to an element template fills the template's required fields.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      TemplateLink link = TemplateLink.of(node);
      Optional<ElementTemplate> template = link == null || link.version() == null
          ? Optional.empty() : model.environment().templates().find(link.id(), link.version());
      if (template.isEmpty()) {
        continue;
      }
      for (TemplateProperty property : template.get().properties()) {
        if (property.notEmpty() && applies(template.get(), property, node)
            && ModelElements.isBlank(TaskValues.read(node, property.binding()))) {
          report.add(node.getId(), MESSAGE, node.getId(), property.label(), property.binding().describe(),
              template.get().id());
        }
      }
    }
  }

  private static boolean applies(ElementTemplate template, TemplateProperty property, FlowNode node) {
    for (TemplateProperty.Condition condition : property.conditions()) {
      TemplateProperty other = template.property(condition.property());
      String value = other == null ? null : TaskValues.read(node, other.binding());
      if (value == null && other != null) {
        value = other.defaultValue();
      }
      boolean holds = condition.values().isEmpty() ? !ModelElements.isBlank(value) : condition.values().contains(value);
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
