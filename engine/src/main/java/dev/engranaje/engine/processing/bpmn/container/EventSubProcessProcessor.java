package dev.engranaje.engine.processing.bpmn.container;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * A triggered event subprocess (spec §8): activated inside its scope by
 * {@link StateTransitionBehavior#triggerEventSubprocess}, it starts at its (typed) start event and
 * completes when nothing inside is active. Its locals are dropped unless output-mapped.
 */
public final class EventSubProcessProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final MappingBehavior mappings;

  public EventSubProcessProcessor(StateTransitionBehavior transitions, MappingBehavior mappings) {
    this.transitions = transitions;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    transitions.toActivated(instance);
    transitions.activate(element.eventSubprocessStart(), instance);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }
}
