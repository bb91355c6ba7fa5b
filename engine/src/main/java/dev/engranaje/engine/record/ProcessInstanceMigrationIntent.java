package dev.engranaje.engine.record;

/** An operator's migration of a running process instance to another process definition. */
public enum ProcessInstanceMigrationIntent implements Intent {
  MIGRATE,
  MIGRATED
}
