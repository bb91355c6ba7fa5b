package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/** An embedded subprocess: a scope whose locals are dropped unless output-mapped. */
public final class SubProcessProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final MappingBehavior mappings;

  public SubProcessProcessor(StateTransitionBehavior transitions, ActivityBehavior activities, MappingBehavior mappings) {
    this.transitions = transitions;
    this.activities = activities;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.enter(instance, element)) {
      return;
    }
    transitions.toActivated(instance);
    transitions.activate(element.noneStartEvent(), instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    activities.leave(instance);
  }
}
