package dev.engranaje.engine.processing.bpmn.task;

import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.DecisionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * Business rule tasks (spec §4). With {@code zeebe:calledDecision} the engine evaluates the DMN
 * decision in the task scope, after the input mappings, and completes at once with the payload
 * {@code {resultVariable: output}} (payload rules as for a job completion). A missing decision
 * raises CALLED_DECISION_ERROR, a failed evaluation DECISION_EVALUATION_ERROR; resolving either
 * evaluates again. With a {@code zeebe:taskDefinition} instead the task is a job, like a service
 * task.
 */
public final class BusinessRuleTaskProcessor implements ElementProcessor {
  private final ElementProcessor jobBased;
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final MappingBehavior mappings;
  private final DecisionBehavior decisions;

  /** Everything a {@link BusinessRuleTaskProcessor} uses. */
  public record Dependencies(ElementProcessor jobBased, StateTransitionBehavior transitions,
      ActivityBehavior activities, IncidentBehavior incidents, VariableBehavior variables, MappingBehavior mappings,
      DecisionBehavior decisions) {}

  public BusinessRuleTaskProcessor(Dependencies d) {
    this.jobBased = d.jobBased();
    this.transitions = d.transitions();
    this.activities = d.activities();
    this.incidents = d.incidents();
    this.variables = d.variables();
    this.mappings = d.mappings();
    this.decisions = d.decisions();
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.calledDecision() == null) {
      jobBased.onActivate(instance, element);
      return;
    }
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    Outcome<String> output = decisions.evaluateCalledDecision(instance, element);
    if (output.isFailure()) {
      incidents.raise(instance, output.failure(), -1);
      return;
    }
    transitions.toActivated(instance);
    transitions.complete(instance, Map.of(element.calledDecision().resultVariable(), output.value()), null);
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    if (element.calledDecision() == null) {
      return jobBased.onComplete(instance, element, payload);
    }
    if (element.outputs().isEmpty()) {
      variables.propagate(instance.key(), payload);
      return Outcome.ok(null);
    }
    variables.mergeLocal(instance.key(), payload);
    return mappings.applyOutputs(instance, element);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    if (element.calledDecision() == null) {
      jobBased.onTerminate(instance, element);
    } else {
      activities.leave(instance);
    }
  }
}
