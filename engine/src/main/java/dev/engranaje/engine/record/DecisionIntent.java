package dev.engranaje.engine.record;

public enum DecisionIntent implements Intent {
  CREATED
}
