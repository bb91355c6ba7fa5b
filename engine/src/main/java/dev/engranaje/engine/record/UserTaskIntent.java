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
  CANCELED,
  /** The task now belongs to another process definition (process instance migration). */
  MIGRATED
}
