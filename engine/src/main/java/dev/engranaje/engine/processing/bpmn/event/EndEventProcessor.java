package dev.engranaje.engine.processing.bpmn.event;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.BpmnEventType;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.ActivityBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.ErrorEventBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.MappingBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import java.util.Map;

/**
 * End events. A none end event completes, ending its path. A terminate end event completes too,
 * and then its scope's other element instances are terminated so the scope completes (spec §7.7).
 * An error end event throws its error from its flow scope; uncaught, it raises UNHANDLED_ERROR_EVENT
 * and stays (resolving re-throws).
 */
public final class EndEventProcessor implements ElementProcessor {
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final MappingBehavior mappings;
  private final ErrorEventBehavior errors;
  private final IncidentBehavior incidents;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;

  public EndEventProcessor(StateTransitionBehavior transitions, ActivityBehavior activities, MappingBehavior mappings,
      ErrorEventBehavior errors, IncidentBehavior incidents, ExpressionLanguage expressions, VariableBehavior variables) {
    this.transitions = transitions;
    this.activities = activities;
    this.mappings = mappings;
    this.errors = errors;
    this.incidents = incidents;
    this.expressions = expressions;
    this.variables = variables;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    if (element.eventType() != BpmnEventType.ERROR) {
      transitions.completeImmediately(instance, null);
      return;
    }
    EvaluationResult code = expressions.evaluate(element.errorCodeExpression(), variables.visibleValues(instance.key()));
    if (!(code instanceof EvaluationResult.Success success) || !(success.value() instanceof String errorCode)) {
      incidents.raise(instance, new Failure(ErrorType.EXTRACT_VALUE_ERROR, "Expected the error code of '" + element.id()
          + "' to evaluate to a string, but " + (code instanceof EvaluationResult.Failure f ? f.message() : "it did not")), -1);
      return;
    }
    Failure uncaught = errors.throwError(instance, errorCode, "", Map.of());
    if (uncaught != null) {
      incidents.raise(instance, uncaught, -1);
    }
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return mappings.applyOutputs(instance, element);
  }
}
