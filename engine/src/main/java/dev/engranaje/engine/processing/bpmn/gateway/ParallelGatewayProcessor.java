package dev.engranaje.engine.processing.bpmn.gateway;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;

/**
 * Forks to every outgoing flow. As a join it is only activated once every incoming flow holds a
 * token (see {@link StateTransitionBehavior}); activation consumes one token per flow.
 */
public final class ParallelGatewayProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;

  public ParallelGatewayProcessor(StateTransitionBehavior transitions) {
    this.transitions = transitions;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    transitions.completeImmediately(instance, null);
  }
}
