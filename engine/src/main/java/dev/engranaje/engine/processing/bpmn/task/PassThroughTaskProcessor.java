package dev.engranaje.engine.processing.bpmn.task;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * Undefined and manual tasks, and none intermediate throw events: nothing to wait for, so they
 * apply their mappings and complete at once.
 */
public final class PassThroughTaskProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final MappingBehavior mappings;

  public PassThroughTaskProcessor(StateTransitionBehavior transitions, ActivityBehavior activities, MappingBehavior mappings) {
    this.transitions = transitions;
    this.activities = activities;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    transitions.completeImmediately(instance, null);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }
}
