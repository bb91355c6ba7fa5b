package dev.engranaje.engine.decision;

import java.util.List;

/**
 * One decision evaluated while evaluating a decision (the decision itself and each decision it
 * requires), as the audit trail of the DMN engine reports it. Values are JSON text. Only decision
 * tables have inputs and matched rules; other decision logic has empty lists.
 */
public record EvaluatedDecision(String decisionId, String decisionName, String decisionType, String output,
    List<EvaluatedInput> evaluatedInputs, List<MatchedRule> matchedRules) {

  /** An input of a decision table with the value it evaluated to. */
  public record EvaluatedInput(String inputId, String inputName, String inputValue) {}

  /** A rule of a decision table that matched; {@code ruleIndex} is 1-based. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {}

  /** An output entry of a matched rule with its value. */
  public record EvaluatedOutput(String outputId, String outputName, String outputValue) {}
}
