package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import dev.engranaje.cli.lint.TemplateBinding;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import java.util.Locale;
import java.util.Set;

/**
 * A task with an effect outside the process (a mail sent, a file moved, an HTTP POST/PUT/PATCH/DELETE,
 * a file uploaded such as a payment file, any send task or message throw) whose BPMN errors nothing catches: when the
 * receiving side refuses, the instance stops in an incident instead of taking a modelled path
 * (tell someone, compensate, retry later).
 */
public final class SideEffectErrorPathRule extends BaseRule {
  static final String MESSAGE = "Expected side-effecting %s '%s' (%s) to have an error path (an error boundary event"
      + " on it or an enclosing subprocess, or an error event subprocess), but a refusal has nowhere to go";

  private static final Set<String> EFFECT_TYPES = Set.of("rpa:mail.send", "rpa:files.move", "rpa:files.delete");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  public SideEffectErrorPathRule() {
    super("rpa/side-effect-error-path", Severity.WARNING,
        "Tasks with side effects (mail, file move, HTTP writes, payment uploads, sends) have an error path.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (FlowNode node : ModelElements.flowElements(model.model(), FlowNode.class)) {
      String effect = effect(node);
      if (effect != null && !ModelElements.hasErrorPath(node)) {
        report.add(node.getId(), MESSAGE, node.getElementType().getTypeName(), node.getId(), effect);
      }
    }
  }

  /** What the node does outside the process, or {@code null} when nothing. */
  static String effect(FlowNode node) {
    String type = ModelElements.jobType(node);
    String family = type == null ? "" : type.replaceFirst(":\\d+$", "");
    if (EFFECT_TYPES.contains(family)) {
      return type;
    }
    String lower = family.toLowerCase(Locale.ROOT);
    if (lower.startsWith("rpa:") && lower.contains("upload")) { // e.g. rpa:payments.upload-payment-file:1
      return type;
    }
    if (family.equals("rpa:http.request")) {
      String method = TaskValues.read(node, new TemplateBinding("zeebe:input", "method"));
      String upper = method == null ? "GET" : method.replace("\"", "").replace("=", "").trim().toUpperCase(Locale.ROOT);
      return SAFE_METHODS.contains(upper) ? null : type + " " + upper;
    }
    if (node instanceof SendTask) {
      return type == null ? "send task" : type;
    }
    if (ModelElements.isMessageThrow(node)) {
      return type == null ? "message throw" : type;
    }
    return null;
  }
}
