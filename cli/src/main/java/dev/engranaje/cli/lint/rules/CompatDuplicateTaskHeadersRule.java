package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.HashSet;
import java.util.Set;

/** camunda-compat duplicate-task-headers: a task header key appears once. */
public final class CompatDuplicateTaskHeadersRule extends BaseRule {
  static final String MESSAGE = "Expected each task header key once on '%s', but '%s' appears more than once";

  public CompatDuplicateTaskHeadersRule() {
    super("camunda-compat/duplicate-task-headers", Severity.ERROR, "Task header keys are unique per task.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      ZeebeTaskHeaders headers = ModelElements.extension(node, ZeebeTaskHeaders.class);
      if (headers == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      Set<String> reported = new HashSet<>();
      for (ZeebeHeader header : headers.getHeaders()) {
        if (header.getKey() != null && !seen.add(header.getKey()) && reported.add(header.getKey())) {
          report.add(node.getId(), MESSAGE, node.getId(), header.getKey());
        }
      }
    }
  }
}
