package dev.engranaje.engine.decision;

import java.util.List;

/** What evaluating a decision gave: its output, or the DMN engine's failure. */
public sealed interface DecisionOutcome {

  /** The decisions evaluated on the way, required decisions first. */
  List<EvaluatedDecision> evaluatedDecisions();

  /**
   * The decision's output as JSON text, shaped by the hit policy: a single output's value, an
   * object for several outputs, a list for COLLECT, {@code null} when no rule matched.
   */
  record Evaluated(String output, List<EvaluatedDecision> evaluatedDecisions) implements DecisionOutcome {}

  /** {@code failedDecisionId} is the decision whose evaluation failed (it may be a required one). */
  record Failed(String message, String failedDecisionId, List<EvaluatedDecision> evaluatedDecisions)
      implements DecisionOutcome {}
}
