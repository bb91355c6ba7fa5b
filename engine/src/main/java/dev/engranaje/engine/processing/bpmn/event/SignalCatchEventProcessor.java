package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * Signal intermediate catch events (spec §7.3): activation subscribes to the signal (opened with
 * the boundary timers, see {@link ActivityBehavior#armBoundaryTimers}); a broadcast completes the
 * event with the signal variables as its payload. The subscription closes when the event is left.
 */
public final class SignalCatchEventProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final VariableBehavior variables;
  private final MappingBehavior mappings;

  public SignalCatchEventProcessor(StateTransitionBehavior transitions, ActivityBehavior activities,
      VariableBehavior variables, MappingBehavior mappings) {
    this.transitions = transitions;
    this.activities = activities;
    this.variables = variables;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element) || !activities.armBoundaryTimers(instance, element)) {
      return;
    }
    transitions.toActivated(instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (element.outputs().isEmpty()) {
      variables.propagate(instance.key(), payload);
      return Outcome.ok(null);
    }
    variables.mergeLocal(instance.key(), payload);
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    activities.leave(instance);
  }
}
