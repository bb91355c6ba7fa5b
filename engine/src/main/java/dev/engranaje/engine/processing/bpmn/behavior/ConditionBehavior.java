package dev.engranaje.engine.processing.bpmn.behavior;

import dev.engranaje.engine.expression.EvaluationResult;
import dev.engranaje.engine.expression.ExpressionLanguage;
import dev.engranaje.engine.model.ExecutableElement;
import dev.engranaje.engine.model.ExecutableFlow;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Outcome;
import dev.engranaje.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the outgoing flows of a branching gateway from their conditions, in XML order (spec §6):
 * the first true one (exclusive) or every true one (inclusive), else the default flow, else a
 * CONDITION_ERROR. A condition that is not a boolean is an EXTRACT_VALUE_ERROR.
 */
public final class ConditionBehavior {
  public static final String NO_FLOW_TAKEN =
      "Expected at least one condition to evaluate to true, or to have a default flow";

  private final ExpressionLanguage expressions;
  private final VariableBehavior variables;

  public ConditionBehavior(ExpressionLanguage expressions, VariableBehavior variables) {
    this.expressions = expressions;
    this.variables = variables;
  }

  /** The flows to take; {@code firstOnly} stops at the first true condition. */
  public Outcome<List<ExecutableFlow>> selectFlows(ElementInstance instance, ExecutableElement gateway, boolean firstOnly) {
    Map<String, Object> context = variables.visibleValues(instance.key());
    List<ExecutableFlow> taken = new ArrayList<>();
    for (ExecutableFlow flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      EvaluationResult result = expressions.evaluate(flow.condition(), context);
      if (!(result instanceof EvaluationResult.Success success) || !(success.value() instanceof Boolean isTrue)) {
        return Outcome.failed(ErrorType.EXTRACT_VALUE_ERROR, describe(flow, result));
      }
      if (isTrue) {
        taken.add(flow);
        if (firstOnly) {
          return Outcome.ok(taken);
        }
      }
    }
    if (!taken.isEmpty()) {
      return Outcome.ok(taken);
    }
    if (gateway.defaultFlow() != null) {
      return Outcome.ok(List.of(gateway.defaultFlow()));
    }
    return Outcome.failed(ErrorType.CONDITION_ERROR, NO_FLOW_TAKEN);
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
