package dev.engranaje.engine.processing.decision;

import dev.engranaje.engine.gateway.DecisionEvaluationResult;
import dev.engranaje.engine.gateway.EvaluateDecision;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.bpmn.behavior.DecisionBehavior;
import dev.engranaje.engine.record.DecisionEvaluationRecord;
import dev.engranaje.engine.record.DecisionEvaluationRecord.ProcessContext;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.state.EngineState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a deployed decision on request, as Camunda's EvaluateDecision command does: by key, or
 * by id at its latest version. The evaluation is recorded like a business rule task's, without the
 * process fields.
 */
public final class DecisionEvaluationHandler {
  static final String NOT_FOUND_BY_ID = "Expected to evaluate decision '%s', but no decision found for id '%s'";
  static final String NOT_FOUND_BY_KEY = "Expected to evaluate decision with key '%d', but no such decision was found";
  static final String NO_DECISION = "Expected either a decisionDefinitionId or a decisionDefinitionKey, but got"
      + " neither";
  static final String NOT_AN_OBJECT = "Expected the variables to be a JSON object, but they were '%s'";

  private final EngineState state;
  private final DecisionBehavior decisions;

  public DecisionEvaluationHandler(EngineState state, DecisionBehavior decisions) {
    this.state = state;
    this.decisions = decisions;
  }

  public DecisionEvaluationResult evaluate(EvaluateDecision command) {
    DecisionRecord decision = find(command);
    DecisionBehavior.Evaluation evaluation = decisions.evaluate(decision, variables(command.variablesJson()),
        ProcessContext.NONE);
    DecisionEvaluationRecord r = evaluation.record();
    return new DecisionEvaluationResult(evaluation.key(), r.decisionId(), r.decisionName(), r.decisionVersion(),
        r.decisionKey(), r.decisionRequirementsId(), r.decisionRequirementsKey(), r.decisionOutput(),
        r.failedDecisionId(), r.evaluationFailureMessage(), r.evaluatedDecisions(), r.tenantId());
  }

  private DecisionRecord find(EvaluateDecision command) {
    if (command.decisionKey() != null) {
      DecisionRecord decision = state.decisions().decision(command.decisionKey());
      if (decision == null) {
        throw new Rejection(RejectionType.NOT_FOUND, String.format(NOT_FOUND_BY_KEY, command.decisionKey()));
      }
      return decision;
    }
    if (command.decisionId() == null || command.decisionId().isEmpty()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, NO_DECISION);
    }
    DecisionRecord decision = state.decisions().latestDecision(command.decisionId());
    if (decision == null) {
      throw new Rejection(RejectionType.NOT_FOUND,
          String.format(NOT_FOUND_BY_ID, command.decisionId(), command.decisionId()));
    }
    return decision;
  }

  private static Map<String, Object> variables(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    Object parsed = JsonDocuments.parse(json);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(NOT_AN_OBJECT, json));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    map.forEach((name, value) -> variables.put(String.valueOf(name), value));
    return variables;
  }
}
