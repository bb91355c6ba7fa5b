package dev.engranaje.engine.processing.bpmn.task;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * Script tasks (spec §4). With {@code zeebe:script} the engine evaluates the expression in the task
 * scope, after the input mappings, and completes at once with the payload {@code {resultVariable:
 * value}} (payload rules as for a job completion); a failing expression raises EXTRACT_VALUE_ERROR
 * and resolving it evaluates again. A script task with a {@code zeebe:taskDefinition} instead is a
 * job, handled like a service task.
 */
public final class ScriptTaskProcessor implements ElementProcessor {
  private final ElementProcessor jobBased;
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final MappingBehavior mappings;
  private final ExpressionLanguage expressions;

  public ScriptTaskProcessor(ElementProcessor jobBased, StateTransitionBehavior transitions,
      ActivityBehavior activities, IncidentBehavior incidents, VariableBehavior variables, MappingBehavior mappings,
      ExpressionLanguage expressions) {
    this.jobBased = jobBased;
    this.transitions = transitions;
    this.activities = activities;
    this.incidents = incidents;
    this.variables = variables;
    this.mappings = mappings;
    this.expressions = expressions;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.script() == null) {
      jobBased.onActivate(instance, element);
      return;
    }
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    EvaluationResult result = expressions.evaluate(element.script(), variables.visibleValues(instance.key()));
    if (result instanceof EvaluationResult.Failure failure) {
      incidents.raise(instance, new Failure(ErrorType.EXTRACT_VALUE_ERROR, failure.message()), -1);
      return;
    }
    Object value = ((EvaluationResult.Success) result).value();
    transitions.toActivated(instance);
    transitions.complete(instance, Map.of(element.resultVariable(), JsonDocuments.write(value)), null);
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
    if (element.script() == null) {
      jobBased.onTerminate(instance, element);
    } else {
      activities.leave(instance);
    }
  }
}
