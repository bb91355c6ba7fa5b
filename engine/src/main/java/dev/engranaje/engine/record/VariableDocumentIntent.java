package dev.engranaje.engine.record;

public enum VariableDocumentIntent implements Intent {
  UPDATE,
  UPDATED
}
