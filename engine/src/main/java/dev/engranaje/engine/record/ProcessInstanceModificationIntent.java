package dev.engranaje.engine.record;

/** An operator's modification of a running process instance (activate, terminate, move). */
public enum ProcessInstanceModificationIntent implements Intent {
  MODIFY,
  MODIFIED
}
