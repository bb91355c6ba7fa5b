package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.ElementTemplate;
import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.Optional;

/**
 * A task linked to an element template that is outdated (a newer version is installed) or that the
 * installed templates do not know. Skipped when no template folder was found.
 */
public final class TemplateVersionRule extends BaseRule {
  static final String OUTDATED = "Expected '%s' to use the current version %d of template '%s' (%s, %s), but it uses"
      + " version %s; in Modeler choose 'Update' on the task's template";
  static final String UNKNOWN = "Expected template '%s' linked by '%s' to be installed, but no template folder has it;"
      + " add its file to the folder given with --templates";

  public TemplateVersionRule() {
    super("rpa/template-outdated", Severity.WARNING,
        "A task linked to an element template uses its newest installed version.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    if (model.environment().templates().isEmpty()) {
      return;
    }
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      TemplateLink link = TemplateLink.of(node);
      if (link == null) {
        continue;
      }
      Optional<ElementTemplate> latest = model.environment().templates().latest(link.id());
      if (latest.isEmpty()) {
        report.add(node.getId(), UNKNOWN, link.id(), node.getId());
      } else if (link.version() == null || link.version() < latest.get().version()) {
        report.add(node.getId(), OUTDATED, node.getId(), latest.get().version(), link.id(), latest.get().name(),
            latest.get().file(), link.version() == null ? "none" : link.version());
      }
    }
  }
}
