package dev.engranaje.engine.gateway;

import dev.engranaje.engine.decision.EvaluatedDecision;
import java.util.List;

/**
 * The result of a standalone decision evaluation. {@code output} is JSON text; when the
 * evaluation failed it is null and {@code failureMessage} and {@code failedDecisionId} are set.
 */
public record DecisionEvaluationResult(long decisionEvaluationKey, String decisionId, String decisionName,
    int version, long decisionKey, String decisionRequirementsId, long decisionRequirementsKey, String output,
    String failedDecisionId, String failureMessage, List<EvaluatedDecision> evaluatedDecisions, String tenantId) {}
