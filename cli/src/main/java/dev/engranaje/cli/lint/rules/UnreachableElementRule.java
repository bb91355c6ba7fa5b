package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An element no token can reach: not a start of its scope and not reached along sequence flows from
 * one. Starts are start events, the content of ad-hoc subprocesses, event subprocesses, link catch events, compensation handlers, and
 * boundary events of reachable activities.
 */
public final class UnreachableElementRule extends BaseRule {
  static final String MESSAGE = "Expected %s '%s' to be reachable from a start event, but no sequence flow leads to"
      + " it; connect it or remove it";

  public UnreachableElementRule() {
    super("rpa/unreachable-element", Severity.WARNING, "Every element can be reached from a start event.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    List<FlowElement> elements = ModelElements.flowElements(model.model());
    Map<String, Set<String>> next = new HashMap<>();
    for (FlowElement element : elements) {
      if (element instanceof SequenceFlow flow) {
        next.computeIfAbsent(flow.getAttributeValue("sourceRef"), k -> new HashSet<>())
            .add(flow.getAttributeValue("targetRef"));
      }
    }
    Deque<String> pending = new ArrayDeque<>();
    Set<String> reached = new HashSet<>();
    for (FlowElement element : elements) {
      if (element instanceof FlowNode node && isStart(node)) {
        pending.add(node.getId());
      }
    }
    List<BoundaryEvent> boundaries = ModelElements.flowElements(model.model(), BoundaryEvent.class);
    while (!pending.isEmpty()) {
      String id = pending.poll();
      if (!reached.add(id)) {
        continue;
      }
      pending.addAll(next.getOrDefault(id, Set.of()));
      boundaries.stream().filter(b -> id.equals(b.getAttributeValue("attachedToRef"))).forEach(b -> pending.add(b.getId()));
    }
    for (FlowElement element : elements) {
      if (element instanceof FlowNode node && !reached.contains(node.getId()) && !isStart(node)
          && !(node instanceof BoundaryEvent) && scopeReached(node, reached)) {
        report.add(node.getId(), MESSAGE, node.getElementType().getTypeName(), node.getId());
      }
    }
  }

  /** Only report inside scopes that run: an unreachable subprocess is reported itself, not its content. */
  private static boolean scopeReached(FlowNode node, Set<String> reached) {
    return !(node.getParentElement() instanceof SubProcess parent) || reached.contains(parent.getId());
  }

  private static boolean isStart(FlowNode node) {
    return node instanceof StartEvent
        || node.getParentElement() instanceof AdHocSubProcess
        || node instanceof SubProcess subProcess && subProcess.triggeredByEvent()
        || node instanceof Activity activity && activity.isForCompensation()
        || node instanceof IntermediateCatchEvent event
            && event.getEventDefinitions().stream().anyMatch(LinkEventDefinition.class::isInstance);
  }
}
