package dev.engranaje.engine.record;

/** Lifecycle events of a Camunda user task (spec §5, §12). */
public enum UserTaskIntent implements Intent {
  CREATING,
  CREATED,
  ASSIGNING,
  ASSIGNED,
  UPDATING,
  UPDATED,
  COMPLETING,
  COMPLETED,
  CANCELING,
  CANCELED
}
