package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/** A none start event: completes at once and takes its outgoing flows. */
public final class StartEventProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final MappingBehavior mappings;

  public StartEventProcessor(StateTransitionBehavior transitions, MappingBehavior mappings) {
    this.transitions = transitions;
    this.mappings = mappings;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    transitions.completeImmediately(instance, null);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }
}
