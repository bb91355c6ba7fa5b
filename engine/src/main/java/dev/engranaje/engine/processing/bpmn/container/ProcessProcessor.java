package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;

/** The process instance: starts at its none start event (or the timer or message start it was created for) and completes when nothing inside is active. */
public final class ProcessProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;

  public ProcessProcessor(StateTransitionBehavior transitions) {
    this.transitions = transitions;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    transitions.toActivated(instance);
    transitions.activate(transitions.startEventOf(instance, element), instance);
  }
}
