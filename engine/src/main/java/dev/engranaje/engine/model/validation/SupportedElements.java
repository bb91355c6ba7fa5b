package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.LoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import java.util.List;

/** Rejects every element kind that {@link ElementSupport} does not list. */
final class SupportedElements implements ModelRule {

  static final String UNSUPPORTED = "Expected a supported BPMN element, but %s (id '%s') is not supported yet";

  static final String MISSING_INPUT_COLLECTION = "Expected multi-instance activity '%s' to have a"
      + " 'zeebe:loopCharacteristics' with an 'inputCollection', but none was found";

  @Override
  public void check(BpmnModelInstance model, Findings findings) {
    for (FlowElement element : Elements.flowElements(model)) {
      String type = Elements.typeName(element);
      List<EventDefinition> definitions = Elements.eventDefinitions(element);
      if (element instanceof BoundaryEvent && definitions.size() != 1) {
        continue; // reported by BoundaryEventRules
      }
      String qualifier = qualifier(element, definitions);
      if (ElementSupport.lookup(type, qualifier).isEmpty() || isTypedStartOutsideProcess(element, definitions)) {
        findings.add(Elements.id(element), UNSUPPORTED, describe(type, qualifier), Elements.id(element));
      }
      if (element instanceof Activity activity) {
        if (hasStandardLoop(activity)) {
          // the BPMN model API does not map standardLoopCharacteristics, so it would be silently dropped
          findings.add(Elements.id(element), UNSUPPORTED, "'standardLoopCharacteristics'", Elements.id(element));
        }
        LoopCharacteristics loop = activity.getLoopCharacteristics();
        if (loop != null && !(loop instanceof MultiInstanceLoopCharacteristics)) {
          findings.add(
              Elements.id(element), UNSUPPORTED, "'" + Elements.typeName(loop) + "'", Elements.id(element));
        } else if (loop != null && !hasInputCollection(loop)) {
          findings.add(Elements.id(element), MISSING_INPUT_COLLECTION, Elements.id(element));
        }
      }
    }
  }

  private static boolean hasStandardLoop(Activity activity) {
    return activity.getDomElement().getChildElements().stream()
        .anyMatch(child -> "standardLoopCharacteristics".equals(child.getLocalName()));
  }

  private static boolean hasInputCollection(LoopCharacteristics loop) {
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    return zeebe != null && zeebe.getInputCollection() != null && !zeebe.getInputCollection().isBlank();
  }

  /** Start event definitions executed only in event subprocesses, not at process level. */
  private static final java.util.Set<String> EVENT_SUBPROCESS_ONLY_STARTS =
      java.util.Set.of("errorEventDefinition", "escalationEventDefinition");

  /** Start event definitions an event subprocess may be triggered by. */
  private static final java.util.Set<String> EVENT_SUBPROCESS_STARTS =
      java.util.Set.of("messageEventDefinition", "errorEventDefinition", "timerEventDefinition",
          "escalationEventDefinition", "signalEventDefinition");

  /**
   * Typed start events are executed at process level (timer, message, signal) and in event
   * subprocesses (message, timer, error, escalation, signal); never in an embedded subprocess.
   */
  private static boolean isTypedStartOutsideProcess(FlowElement element, List<EventDefinition> definitions) {
    if (!(element instanceof StartEvent) || definitions.size() != 1) {
      return false;
    }
    String definition = Elements.typeName(definitions.get(0));
    if (element.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent()) {
      return !EVENT_SUBPROCESS_STARTS.contains(definition);
    }
    return !(element.getParentElement() instanceof Process) || EVENT_SUBPROCESS_ONLY_STARTS.contains(definition);
  }

  private static String qualifier(FlowElement element, List<EventDefinition> definitions) {
    if (element instanceof SubProcess subProcess && subProcess.triggeredByEvent()) {
      return ElementSupport.TRIGGERED_BY_EVENT;
    }
    if (definitions.size() > 1) {
      return ElementSupport.MULTIPLE;
    }
    return definitions.isEmpty() ? ElementSupport.NO_QUALIFIER : Elements.typeName(definitions.get(0));
  }

  private static String describe(String type, String qualifier) {
    if (qualifier.isEmpty()) {
      return "'" + type + "'";
    }
    if (ElementSupport.TRIGGERED_BY_EVENT.equals(qualifier)) {
      return "'" + type + "' with triggeredByEvent='true'";
    }
    if (ElementSupport.MULTIPLE.equals(qualifier)) {
      return "'" + type + "' with multiple event definitions";
    }
    return "'" + type + "' with '" + qualifier + "'";
  }
}
