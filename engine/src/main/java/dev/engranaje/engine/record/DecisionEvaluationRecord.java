package dev.engranaje.engine.record;

import dev.engranaje.engine.decision.EvaluatedDecision;
import java.util.List;

/**
 * One evaluation of a decision, by a business rule task or standalone (then the process fields are
 * empty and the keys -1). {@code decisionOutput} is JSON text; on FAILED it is null and
 * {@code evaluationFailureMessage} and {@code failedDecisionId} say what went wrong.
 */
public record DecisionEvaluationRecord(
    long decisionKey,
    String decisionId,
    String decisionName,
    int decisionVersion,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    String decisionOutput,
    List<EvaluatedDecision> evaluatedDecisions,
    String evaluationFailureMessage,
    String failedDecisionId,
    ProcessContext process,
    String tenantId)
    implements RecordValue {

  /** Where a business rule task evaluated the decision; {@link #NONE} for standalone evaluations. */
  public record ProcessContext(String bpmnProcessId, long processDefinitionKey, long processInstanceKey,
      String elementId, long elementInstanceKey) {
    public static final ProcessContext NONE = new ProcessContext("", -1, -1, "", -1);
  }
}
