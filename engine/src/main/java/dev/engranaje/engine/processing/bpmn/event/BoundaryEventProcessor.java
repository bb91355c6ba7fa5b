package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.VariableState.Variable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A triggered boundary event: it holds the trigger's payload as locals and completes at once.
 * Without output mappings the payload propagates, except for error boundaries (spec §3.3).
 */
public final class BoundaryEventProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final MappingBehavior mappings;
  private final VariableBehavior variables;
  private final dev.engranaje.engine.state.EngineState state;

  public BoundaryEventProcessor(StateTransitionBehavior transitions, MappingBehavior mappings, VariableBehavior variables,
      dev.engranaje.engine.state.EngineState state) {
    this.transitions = transitions;
    this.mappings = mappings;
    this.variables = variables;
    this.state = state;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    transitions.completeImmediately(instance, null);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (!element.outputs().isEmpty()) {
      return mappings.applyOutputs(instance, element);
    }
    if (element.eventType() != BpmnEventType.ERROR) {
      Map<String, String> locals = new LinkedHashMap<>();
      for (Variable variable : state.variables().local(instance.key()).values()) {
        locals.put(variable.name(), variable.json());
      }
      variables.propagate(instance.flowScopeKey(), locals);
    }
    return Outcome.ok(null);
  }
}
