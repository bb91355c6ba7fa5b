package dev.engranaje.engine.record;

/** Lifecycle of a process's subscription to a message (spec §12). */
public enum ProcessMessageSubscriptionIntent implements Intent {
  CREATED,
  CORRELATED,
  DELETED,
  /** The subscription now belongs to another process definition (process instance migration). */
  MIGRATED
}
