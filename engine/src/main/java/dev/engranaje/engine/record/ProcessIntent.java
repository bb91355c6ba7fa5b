package dev.engranaje.engine.record;

public enum ProcessIntent implements Intent {
  CREATED,
  DELETED
}
