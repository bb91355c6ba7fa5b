package dev.engranaje.engine.record;

public enum IncidentIntent implements Intent {
  CREATED,
  RESOLVE,
  RESOLVED,
  /** The incident now belongs to another process definition (process instance migration). */
  MIGRATED
}
