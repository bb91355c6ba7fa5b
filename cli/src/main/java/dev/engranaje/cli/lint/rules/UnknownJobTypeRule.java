package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;

/**
 * A job type that no installed worker serves and no element template names: the job would wait
 * for ever. Job types written as FEEL ({@code =...}) are decided at run time and not checked; types
 * of your own workers are declared with {@code --job-type}.
 */
public final class UnknownJobTypeRule extends BaseRule {
  static final String MESSAGE = "Expected a job type that an installed worker serves or an element template names,"
      + " but nothing serves '%s' on '%s'; check the spelling and version, or declare your own worker's type"
      + " with --job-type";

  public UnknownJobTypeRule() {
    super("rpa/unknown-job-type", Severity.WARNING,
        "Every job type is served by an installed worker, named by an element template or declared with --job-type.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      String type = ModelElements.jobType(node);
      if (!ModelElements.isBlank(type) && !type.startsWith("=") && !model.environment().jobTypes().isServed(type)) {
        report.add(node.getId(), MESSAGE, type, node.getId());
      }
    }
  }
}
