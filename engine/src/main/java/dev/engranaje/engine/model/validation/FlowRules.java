package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Sequence-flow conditions and exclusive-gateway defaults (spec 1.2 "Conditions", spec 6). */
final class FlowRules implements ModelRule {

  static final String CONDITION_NOT_ALLOWED =
      "Expected a condition only on a sequence flow leaving an exclusive gateway, but sequence flow"
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
          && !(source instanceof ExclusiveGateway)) {
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
      String defaultId = gateway.getAttributeValue(DEFAULT);
      checkDefault(model, gateway, defaultId, findings);
      List<SequenceFlow> outgoing = graph.outgoing(gateway);
      if (outgoing.size() <= 1) {
        continue;
      }
      for (SequenceFlow flow : outgoing) {
        if (flow.getConditionExpression() == null && !Elements.id(flow).equals(defaultId)) {
          findings.add(Elements.id(flow), CONDITION_MISSING, Elements.id(flow), Elements.id(gateway));
        }
      }
    }
  }

  private static void checkDefault(
      BpmnModelInstance model, ExclusiveGateway gateway, String defaultId, Findings findings) {
    if (defaultId == null) {
      return;
    }
    ModelElementInstance target = model.getModelElementById(defaultId);
    String gatewayId = Elements.id(gateway);
    if (!(target instanceof SequenceFlow flow)) {
      findings.add(gatewayId, DEFAULT_NOT_FOUND, defaultId, gatewayId);
    } else if (flow.getSource() != gateway) {
      String sourceId = flow.getSource() == null ? "nowhere" : Elements.id(flow.getSource());
      findings.add(gatewayId, DEFAULT_NOT_OUTGOING, defaultId, gatewayId, sourceId);
    }
  }
}
