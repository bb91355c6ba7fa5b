package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Escalation;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.util.ModelUtil;
import io.camunda.zeebe.model.bpmn.validation.zeebe.IdentifiableBpmnElementValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.validation.ModelElementValidator;
import org.camunda.bpm.model.xml.validation.ValidationResultCollector;

/**
 * Replaces {@code zeebe-bpmn-model}'s {@code ActivityValidator}, which is quadratic: for every
 * activity it lists all siblings to find the boundary events attached to it (a 10,000-task chain
 * took 5 s, 20,000 tasks 20 s). This validator indexes the boundary events once per model, so the
 * whole pass is linear, and runs the same checks: the activity's identifier, and no two boundary
 * events of one activity with the same message, signal, link or escalation code.
 *
 * <p>Error codes are checked by {@link ErrorEventRules}. One instance validates one model; not
 * thread-safe.
 */
final class LinearActivityValidator implements ModelElementValidator<Activity> {

  static final String DUPLICATE_ESCALATION_CODE =
      "Expected unique escalation codes among the boundary events of one activity, but '%s' is"
          + " caught more than once";
  static final String SEVERAL_ESCALATION_CATCH_ALL =
      "Expected at most one escalation boundary event without escalation code on one activity,"
          + " but there are several";

  /** Boundary events by the activity they are attached to, built on first use. */
  private final BpmnModelInstance model;
  private Map<Activity, List<BoundaryEvent>> boundaryEvents;

  LinearActivityValidator(BpmnModelInstance model) {
    this.model = model;
  }

  @Override
  public Class<Activity> getElementType() {
    return Activity.class;
  }

  @Override
  public void validate(Activity activity, ValidationResultCollector collector) {
    IdentifiableBpmnElementValidator.validate(activity, collector);
    List<BoundaryEvent> attached = boundaryEvents().getOrDefault(activity, List.of());
    if (attached.size() < 2) {
      return;
    }
    List<EventDefinition> definitions = new ArrayList<>();
    attached.forEach(event -> definitions.addAll(event.getEventDefinitions()));
    ModelUtil.verifyNoDuplicatedEventDefinition(definitions, error -> collector.addError(0, error));
    checkEscalations(definitions, collector);
  }

  private static void checkEscalations(List<EventDefinition> definitions, ValidationResultCollector collector) {
    Map<String, Integer> codes = new HashMap<>();
    int catchAll = 0;
    for (EventDefinition definition : definitions) {
      if (definition instanceof EscalationEventDefinition escalationDefinition) {
        Escalation escalation = escalationDefinition.getEscalation();
        if (escalation == null || escalation.getEscalationCode() == null) {
          catchAll++;
        } else {
          codes.merge(escalation.getEscalationCode(), 1, Integer::sum);
        }
      }
    }
    if (catchAll > 1) {
      collector.addError(0, SEVERAL_ESCALATION_CATCH_ALL);
    }
    codes.forEach((code, count) -> {
      if (count > 1) {
        collector.addError(0, String.format(DUPLICATE_ESCALATION_CODE, code));
      }
    });
  }

  private Map<Activity, List<BoundaryEvent>> boundaryEvents() {
    if (boundaryEvents == null) {
      boundaryEvents = new IdentityHashMap<>();
      for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
        Activity activity = event.getAttachedTo();
        if (activity != null) {
          boundaryEvents.computeIfAbsent(activity, a -> new ArrayList<>()).add(event);
        }
      }
    }
    return boundaryEvents;
  }
}
