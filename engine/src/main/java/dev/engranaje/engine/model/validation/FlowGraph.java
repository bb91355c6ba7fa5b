package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Incoming and outgoing sequence flows, derived from each flow's {@code sourceRef} and
 * {@code targetRef}. The optional {@code <bpmn:incoming>}/{@code <bpmn:outgoing>} children of a
 * node are not trusted: hand-written models often omit them.
 */
final class FlowGraph {

  private final Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
  private final Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();

  private FlowGraph() {}

  static FlowGraph of(BpmnModelInstance model) {
    FlowGraph graph = new FlowGraph();
    for (SequenceFlow flow : Elements.flowElements(model, SequenceFlow.class)) {
      if (flow.getSource() != null) {
        graph.outgoing.computeIfAbsent(flow.getSource(), n -> new ArrayList<>()).add(flow);
      }
      if (flow.getTarget() != null) {
        graph.incoming.computeIfAbsent(flow.getTarget(), n -> new ArrayList<>()).add(flow);
      }
    }
    return graph;
  }

  List<SequenceFlow> outgoing(FlowNode node) {
    return outgoing.getOrDefault(node, List.of());
  }

  List<SequenceFlow> incoming(FlowNode node) {
    return incoming.getOrDefault(node, List.of());
  }
}
