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
import dev.engranaje.engine.processing.bpmn.behavior.EscalationBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import dev.engranaje.engine.state.EngineState;
import java.util.Map;

/**
 * Escalation intermediate throw and end events (spec §7.6), in front of the processor of the other
 * throw or end events: it evaluates the code, throws the escalation and, unless an interrupting
 * catch ended its path, completes. Other event types go to the wrapped processor.
 */
public final class EscalationThrowEventProcessor implements ElementProcessor {
  private final ElementProcessor otherwise;
  private final StateTransitionBehavior transitions;
  private final ActivityBehavior activities;
  private final EscalationBehavior escalations;
  private final IncidentBehavior incidents;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final EngineState state;

  public EscalationThrowEventProcessor(ElementProcessor otherwise, StateTransitionBehavior transitions,
      ActivityBehavior activities, EscalationBehavior escalations, IncidentBehavior incidents,
      ExpressionLanguage expressions, VariableBehavior variables, EngineState state) {
    this.state = state;
    this.otherwise = otherwise;
    this.transitions = transitions;
    this.activities = activities;
    this.escalations = escalations;
    this.incidents = incidents;
    this.expressions = expressions;
    this.variables = variables;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.eventType() != BpmnEventType.ESCALATION) {
      otherwise.onActivate(instance, element);
      return;
    }
    if (!activities.applyInputs(instance, element)) {
      return;
    }
    EvaluationResult code = expressions.evaluate(element.errorCodeExpression(), variables.visibleValues(instance.key()));
    if (!(code instanceof EvaluationResult.Success success) || !(success.value() instanceof String escalationCode)) {
      incidents.raise(instance, new Failure(ErrorType.EXTRACT_VALUE_ERROR, "Expected the escalation code of '"
          + element.id() + "' to evaluate to a string, but "
          + (code instanceof EvaluationResult.Failure f ? f.message() : "it did not")), -1);
      return;
    }
    escalations.throwEscalation(instance, escalationCode);
    ElementInstance stillThere = state.elementInstances().get(instance.key());
    if (stillThere != null && stillThere.state() == ElementState.ACTIVATING) {
      transitions.completeImmediately(stillThere, null);
    }
  }

  @Override
  public Outcome<Void> onComplete(ElementInstance instance, ExecutableElement element, Map<String, String> payload) {
    return otherwise.onComplete(instance, element, payload);
  }

  @Override
  public void onTerminate(ElementInstance instance, ExecutableElement element) {
    otherwise.onTerminate(instance, element);
  }
}
