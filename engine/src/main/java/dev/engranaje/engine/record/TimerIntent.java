package dev.engranaje.engine.record;

public enum TimerIntent implements Intent {
  CREATED,
  TRIGGERED,
  CANCELED,
  /** The timer now belongs to another process definition (process instance migration). */
  MIGRATED
}
