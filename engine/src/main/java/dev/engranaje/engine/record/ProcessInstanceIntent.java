package dev.engranaje.engine.record;

public enum ProcessInstanceIntent implements Intent {
  ACTIVATE_ELEMENT,
  COMPLETE_ELEMENT,
  TERMINATE_ELEMENT,
  CANCEL,
  ELEMENT_ACTIVATING,
  ELEMENT_ACTIVATED,
  ELEMENT_COMPLETING,
  ELEMENT_COMPLETED,
  ELEMENT_TERMINATING,
  ELEMENT_TERMINATED,
  SEQUENCE_FLOW_TAKEN,
  /** An element instance now belongs to another process definition (process instance migration). */
  ELEMENT_MIGRATED
}
