package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Structure of boundary events (spec 1.2 "Boundary events", spec 7.4). */
final class BoundaryEventRules implements ModelRule {

  static final String DEFINITION_COUNT =
      "Expected boundary event '%s' to have exactly one event definition, but found %d";
  static final String INCOMING_FLOW =
      "Expected boundary event '%s' to have no incoming sequence flow, but found %s";
  static final String NO_OUTGOING_FLOW =
      "Expected boundary event '%s' to have at least one outgoing sequence flow, but none was found";
  static final String NOT_ATTACHED =
      "Expected boundary event '%s' to be attached to an activity with 'attachedToRef', but none"
          + " was set";
  static final String ATTACHED_TO_NON_ACTIVITY =
      "Expected boundary event '%s' to be attached to an activity with 'attachedToRef', but '%s'"
          + " is not an activity";

  static final String ESCALATION_ON_TASK =
      "Expected escalation boundary event '%s' to be attached to a subprocess or a call activity, but '%s'"
          + " is neither";

  static final String ATTACHED_TO_REF = "attachedToRef";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    FlowGraph graph = FlowGraph.of(model);
    for (BoundaryEvent event : Elements.flowElements(model, BoundaryEvent.class)) {
      String id = Elements.id(event);
      int definitions = event.getEventDefinitions().size();
      if (definitions != 1) {
        findings.add(id, DEFINITION_COUNT, id, definitions);
      }
      if (!graph.incoming(event).isEmpty()) {
        findings.add(id, INCOMING_FLOW, id, Elements.quotedIds(graph.incoming(event)));
      }
      if (graph.outgoing(event).isEmpty()) {
        findings.add(id, NO_OUTGOING_FLOW, id);
      }
      String attachedTo = event.getAttributeValue(ATTACHED_TO_REF);
      if (Elements.isBlank(attachedTo)) {
        findings.add(id, NOT_ATTACHED, id);
      } else {
        ModelElementInstance target = model.getModelElementById(attachedTo);
        if (!(target instanceof Activity)) {
          findings.add(id, ATTACHED_TO_NON_ACTIVITY, id, attachedTo);
        } else if (event.getEventDefinitions().stream()
                .anyMatch(d -> "escalationEventDefinition".equals(Elements.typeName(d)))
            && !(target instanceof io.camunda.zeebe.model.bpmn.instance.SubProcess)
            && !(target instanceof io.camunda.zeebe.model.bpmn.instance.CallActivity)) {
          findings.add(id, ESCALATION_ON_TASK, id, attachedTo);
        }
      }
    }
  }
}
