package dev.engranaje.engine.processing.bpmn.gateway;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ConditionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.List;

/**
 * Takes every outgoing flow whose condition is true, else the default flow; with neither, a
 * CONDITION_ERROR incident. As a join it is only activated once every incoming flow holds a token
 * or no other token can still reach it (see {@link StateTransitionBehavior}).
 */
public final class InclusiveGatewayProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ConditionBehavior conditions;
  private final IncidentBehavior incidents;

  public InclusiveGatewayProcessor(StateTransitionBehavior transitions, ConditionBehavior conditions,
      IncidentBehavior incidents) {
    this.transitions = transitions;
    this.conditions = conditions;
    this.incidents = incidents;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.outgoing().size() <= 1) {
      transitions.completeImmediately(instance, null);
      return;
    }
    Outcome<List<ExecutableFlow>> flows = conditions.selectFlows(instance, element, false);
    if (flows.isFailure()) {
      incidents.raise(instance, flows.failure(), -1);
      return;
    }
    transitions.completeImmediately(instance, flows.value());
  }
}
