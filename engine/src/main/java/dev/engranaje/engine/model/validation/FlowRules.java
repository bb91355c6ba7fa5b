package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Sequence-flow conditions and exclusive/inclusive-gateway defaults (spec 1.2 "Conditions", spec 6). */
final class FlowRules implements ModelRule {

  static final String CONDITION_NOT_ALLOWED =
      "Expected a condition only on a sequence flow leaving an exclusive or inclusive gateway, but sequence flow"
          + " '%s' leaves '%s' (%s)";
  static final String CONDITION_MISSING =
      "Expected sequence flow '%s' leaving exclusive gateway '%s' to have a condition or to be its"
          + " default flow, but it has neither";
  static final String DEFAULT_NOT_FOUND =
      "Expected the default flow '%s' of exclusive gateway '%s' to be a sequence flow leaving that"
          + " gateway, but no such sequence flow exists";
  static final String DEFAULT_NOT_OUTGOING =
      "Expected the default flow '%s' of exclusive gateway '%s' to be a sequence flow leaving that"
          + " gateway, but it leaves '%s'";

  private static final String DEFAULT = "default";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (SequenceFlow flow : Elements.flowElements(model, SequenceFlow.class)) {
      FlowNode source = flow.getSource();
      if (flow.getConditionExpression() != null
          && source != null
          && !(source instanceof ExclusiveGateway)
          && !(source instanceof InclusiveGateway)) {
        findings.add(
            Elements.id(flow),
            CONDITION_NOT_ALLOWED,
            Elements.id(flow),
            Elements.id(source),
            Elements.typeName(source));
      }
    }
    FlowGraph graph = FlowGraph.of(model);
    for (ExclusiveGateway gateway : Elements.flowElements(model, ExclusiveGateway.class)) {
      checkGateway(model, graph, gateway, "exclusive gateway", findings);
    }
    for (InclusiveGateway gateway : Elements.flowElements(model, InclusiveGateway.class)) {
      checkGateway(model, graph, gateway, "inclusive gateway", findings);
    }
  }

  private static void checkGateway(BpmnModelInstance model, FlowGraph graph, FlowNode gateway, String kind,
      Findings findings) {
    String defaultId = gateway.getAttributeValue(DEFAULT);
    checkDefault(model, gateway, defaultId, kind, findings);
    List<SequenceFlow> outgoing = graph.outgoing(gateway);
    if (outgoing.size() <= 1) {
      return;
    }
    for (SequenceFlow flow : outgoing) {
      if (flow.getConditionExpression() == null && !Elements.id(flow).equals(defaultId)) {
        findings.add(Elements.id(flow), forKind(CONDITION_MISSING, kind), Elements.id(flow), Elements.id(gateway));
      }
    }
  }

  private static String forKind(String message, String kind) {
    return message.replace("exclusive gateway", kind);
  }

  private static void checkDefault(
      BpmnModelInstance model, FlowNode gateway, String defaultId, String kind, Findings findings) {
    if (defaultId == null) {
      return;
    }
    ModelElementInstance target = model.getModelElementById(defaultId);
    String gatewayId = Elements.id(gateway);
    if (!(target instanceof SequenceFlow flow)) {
      findings.add(gatewayId, forKind(DEFAULT_NOT_FOUND, kind), defaultId, gatewayId);
    } else if (flow.getSource() != gateway) {
      String sourceId = flow.getSource() == null ? "nowhere" : Elements.id(flow.getSource());
      findings.add(gatewayId, forKind(DEFAULT_NOT_OUTGOING, kind), defaultId, gatewayId, sourceId);
    }
  }
}
