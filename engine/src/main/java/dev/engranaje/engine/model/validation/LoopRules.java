package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects straight-through loops: cycles made only of elements that complete at once (gateways,
 * undefined and manual tasks, none intermediate throw events), which would spin forever.
 */
final class LoopRules implements ModelRule {

  static final String STRAIGHT_THROUGH_LOOP =
      "Expected every loop to contain an element that waits (such as a service task), but the elements %s"
          + " form a straight-through loop";

  private static final Set<String> PASS_THROUGH_TYPES =
      Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "task", "manualTask");

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    Map<FlowNode, Set<FlowNode>> successors = new LinkedHashMap<>();
    Map<FlowNode, Set<FlowNode>> predecessors = new LinkedHashMap<>();
    for (FlowElement element : Elements.flowElements(model)) {
      if (element instanceof FlowNode node && isPassThrough(node)) {
        successors.put(node, new LinkedHashSet<>());
        predecessors.put(node, new LinkedHashSet<>());
      }
    }
    for (SequenceFlow flow : Elements.flowElements(model, SequenceFlow.class)) {
      FlowNode source = flow.getSource();
      FlowNode target = flow.getTarget();
      if (successors.containsKey(source) && successors.containsKey(target)) {
        successors.get(source).add(target);
        predecessors.get(target).add(source);
      }
    }
    peelAcyclicNodes(successors, predecessors);
    reportComponents(successors, predecessors, findings);
  }

  private static boolean isPassThrough(FlowNode node) {
    if (node instanceof IntermediateThrowEvent event) {
      return event.getEventDefinitions().isEmpty();
    }
    return PASS_THROUGH_TYPES.contains(Elements.typeName(node));
  }

  /** Removes nodes without incoming or outgoing edges until only nodes on or between cycles stay. */
  private static void peelAcyclicNodes(
      Map<FlowNode, Set<FlowNode>> successors, Map<FlowNode, Set<FlowNode>> predecessors) {
    Deque<FlowNode> pending = new ArrayDeque<>(successors.keySet());
    while (!pending.isEmpty()) {
      FlowNode node = pending.poll();
      if (!successors.containsKey(node)
          || (!successors.get(node).isEmpty() && !predecessors.get(node).isEmpty())) {
        continue;
      }
      for (FlowNode next : successors.remove(node)) {
        predecessors.get(next).remove(node);
        pending.add(next);
      }
      for (FlowNode previous : predecessors.remove(node)) {
        successors.get(previous).remove(node);
        pending.add(previous);
      }
    }
  }

  private static void reportComponents(
      Map<FlowNode, Set<FlowNode>> successors,
      Map<FlowNode, Set<FlowNode>> predecessors,
      Findings findings) {
    Set<FlowNode> seen = new HashSet<>();
    for (FlowNode start : successors.keySet()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<FlowNode> component = new HashSet<>();
      Deque<FlowNode> pending = new ArrayDeque<>(List.of(start));
      while (!pending.isEmpty()) {
        FlowNode node = pending.poll();
        component.add(node);
        for (FlowNode neighbour : union(successors.get(node), predecessors.get(node))) {
          if (seen.add(neighbour)) {
            pending.add(neighbour);
          }
        }
      }
      List<FlowNode> ordered = successors.keySet().stream().filter(component::contains).toList();
      findings.add(Elements.id(ordered.get(0)), STRAIGHT_THROUGH_LOOP, Elements.quotedIds(ordered));
    }
  }

  private static Set<FlowNode> union(Set<FlowNode> first, Set<FlowNode> second) {
    Set<FlowNode> result = new LinkedHashSet<>(first);
    result.addAll(second);
    return result;
  }
}
