package dev.engranaje.engine.processing.bpmn.gateway;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.bpmn.ElementProcessor;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inclusive gateway (spec §6): as a fork takes every outgoing flow whose condition is true, else
 * the default flow; with neither, a CONDITION_ERROR incident. As a join it is only activated once
 * every incoming flow holds a token or no other token can still reach it (see
 * {@link StateTransitionBehavior}).
 */
public final class InclusiveGatewayProcessor implements ElementProcessor {
  static final String NO_FLOW_TAKEN = ExclusiveGatewayProcessor.NO_FLOW_TAKEN;

  private final StateTransitionBehavior transitions;
  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  public InclusiveGatewayProcessor(StateTransitionBehavior transitions, ExpressionLanguage expressions,
      VariableBehavior variables, IncidentBehavior incidents) {
    this.transitions = transitions;
    this.expressions = expressions;
    this.variables = variables;
    this.incidents = incidents;
  }

  @Override
  public void onActivate(ElementInstance instance, ExecutableElement element) {
    if (element.outgoing().size() <= 1) {
      transitions.completeImmediately(instance, null);
      return;
    }
    Map<String, Object> context = variables.visibleValues(instance.key());
    List<ExecutableFlow> taken = new ArrayList<>();
    for (ExecutableFlow flow : element.outgoing()) {
      if (flow == element.defaultFlow() || flow.condition() == null) {
        continue;
      }
      EvaluationResult result = expressions.evaluate(flow.condition(), context);
      if (result instanceof EvaluationResult.Success success && success.value() instanceof Boolean isTrue) {
        if (isTrue) {
          taken.add(flow);
        }
        continue;
      }
      incidents.raise(instance, new Failure(ErrorType.EXTRACT_VALUE_ERROR, describe(flow, result)), -1);
      return;
    }
    if (!taken.isEmpty()) {
      transitions.completeImmediately(instance, taken);
      return;
    }
    if (element.defaultFlow() != null) {
      transitions.completeImmediately(instance, List.of(element.defaultFlow()));
      return;
    }
    incidents.raise(instance, new Failure(ErrorType.CONDITION_ERROR, NO_FLOW_TAKEN), -1);
  }

  private static String describe(ExecutableFlow flow, EvaluationResult result) {
    if (result instanceof EvaluationResult.Failure failure) {
      return failure.message();
    }
    EvaluationResult.Success success = (EvaluationResult.Success) result;
    String actual = success.value() == null ? "null" : success.value().getClass().getSimpleName() + " '" + success.value() + "'";
    return "Expected condition '" + flow.condition().text() + "' of sequence flow '" + flow.id()
        + "' to evaluate to a boolean, but got " + actual
        + (success.warnings() == null ? "" : " (" + success.warnings() + ")");
  }
}
