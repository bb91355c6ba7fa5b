package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.TimerBehavior;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * A timer intermediate catch event (spec 7.1): activation arms a timer owned by the event itself
 * and waits; the timer's trigger completes the event (see {@code TimerTriggerHandler}); leaving the
 * event any other way cancels the timer. A timer value that does not evaluate raises an incident.
 */
public final class TimerCatchEventProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final TimerBehavior timers;
  private final IncidentBehavior incidents;
  private final MappingBehavior mappings;

  public TimerCatchEventProcessor(StateTransitionBehavior transitions, ActivityBehavior activities,
      TimerBehavior timers, IncidentBehavior incidents, MappingBehavior mappings) {
    this.transitions = transitions;
    this.activities = activities;
    this.timers = timers;
    this.incidents = incidents;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    Outcome<TimerRecord> timer = timers.prepareOwnTimer(instance, element);
    if (timer.isFailure()) {
      incidents.raise(instance, timer.failure(), -1);
      return;
    }
    timers.arm(List.of(timer.value()));
    transitions.toActivated(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    timers.cancelAll(instance);
  }
}
