package dev.engranaje.engine.record;

public enum DecisionRequirementsIntent implements Intent {
  CREATED
}
