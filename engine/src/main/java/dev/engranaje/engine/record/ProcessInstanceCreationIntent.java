package dev.engranaje.engine.record;

public enum ProcessInstanceCreationIntent implements Intent {
  CREATE,
  CREATED
}
