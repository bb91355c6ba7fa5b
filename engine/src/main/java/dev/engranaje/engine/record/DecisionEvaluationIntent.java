package dev.engranaje.engine.record;

public enum DecisionEvaluationIntent implements Intent {
  EVALUATED,
  FAILED
}
