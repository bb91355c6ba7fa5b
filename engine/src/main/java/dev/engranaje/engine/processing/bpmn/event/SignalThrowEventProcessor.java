package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.SignalBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signal intermediate throw and end events (spec §7.3): after the input mappings the signal name is
 * evaluated (a failure raises EXTRACT_VALUE_ERROR) and the signal is broadcast with the event's
 * LOCAL variables; then the event completes. Events of other kinds go to the wrapped processor.
 */
public final class SignalThrowEventProcessor implements ElementProcessor {
  private final ElementProcessor otherwise;
  private final EngineState state;
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final SignalBehavior signals;
  private final IncidentBehavior incidents;

  public SignalThrowEventProcessor(ElementProcessor otherwise, EngineState state, StateTransitionBehavior transitions,
      ActivityBehavior activities, SignalBehavior signals, IncidentBehavior incidents) {
    this.otherwise = otherwise;
    this.state = state;
    this.transitions = transitions;
    this.activities = activities;
    this.signals = signals;
    this.incidents = incidents;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.eventType() != BpmnEventType.SIGNAL) {
      otherwise.onActivate(instance, element);
      return;
    }
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    Outcome<String> name = signals.evaluateName(instance, element);
    if (name.isFailure()) {
      incidents.raise(instance, name.failure(), -1);
      return;
    }
    Map<String, String> locals = new LinkedHashMap<>();
    state.variables().local(instance.key()).forEach((variable, value) -> locals.put(variable, value.json()));
    signals.broadcast(name.value(), locals, instance.value().tenantId());
    ElementInstance stillThere = state.elementInstances().get(instance.key());
    if (stillThere != null && stillThere.state() == ElementState.ACTIVATING) {
      transitions.completeImmediately(stillThere, null);
    }
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return otherwise.onComplete(instance, element, payload);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    otherwise.onTerminate(instance, element);
  }
}
