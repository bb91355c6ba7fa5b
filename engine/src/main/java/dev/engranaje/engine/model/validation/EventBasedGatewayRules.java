package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.Collection;
import java.util.List;

/** Structure of event-based gateways (spec 1.2 "Event-based gateway", spec 6). */
final class EventBasedGatewayRules implements ModelRule {

  static final String TOO_FEW_FLOWS =
      "Expected event-based gateway '%s' to have at least 2 outgoing sequence flows, but found %d";
  static final String WRONG_TARGET =
      "Expected the sequence flow '%s' of event-based gateway '%s' to lead to a message, timer or"
          + " signal intermediate catch event, but it leads to '%s'";
  static final String OTHER_INCOMING =
      "Expected the catch event '%s' after event-based gateway '%s' to have no other incoming"
          + " sequence flow, but found %d";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    FlowGraph graph = FlowGraph.of(model);
    for (EventBasedGateway gateway : Elements.flowElements(model, EventBasedGateway.class)) {
      String gatewayId = Elements.id(gateway);
      List<SequenceFlow> outgoing = graph.outgoing(gateway);
      if (outgoing.size() < 2) {
        findings.add(gatewayId, TOO_FEW_FLOWS, gatewayId, outgoing.size());
      }
      for (SequenceFlow flow : outgoing) {
        FlowNode target = flow.getTarget();
        if (target == null) {
          continue;
        }
        if (!isMessageTimerOrSignalCatch(target)) {
          findings.add(Elements.id(flow), WRONG_TARGET, Elements.id(flow), gatewayId, Elements.id(target));
          continue;
        }
        int incoming = graph.incoming(target).size();
        if (incoming != 1) {
          findings.add(Elements.id(target), OTHER_INCOMING, Elements.id(target), gatewayId, incoming);
        }
      }
    }
  }

  private static boolean isMessageTimerOrSignalCatch(FlowNode node) {
    if (!(node instanceof IntermediateCatchEvent event)) {
      return false;
    }
    Collection<EventDefinition> definitions = event.getEventDefinitions();
    return definitions.size() == 1
        && (definitions.iterator().next() instanceof MessageEventDefinition
            || definitions.iterator().next() instanceof TimerEventDefinition
            || definitions.iterator().next() instanceof SignalEventDefinition);
  }
}
