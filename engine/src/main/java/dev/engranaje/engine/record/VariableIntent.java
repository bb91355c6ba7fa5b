package dev.engranaje.engine.record;

public enum VariableIntent implements Intent {
  CREATED,
  UPDATED
}
