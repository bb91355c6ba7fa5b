package dev.engranaje.engine.record;

public enum IncidentIntent implements Intent {
  CREATED,
  RESOLVE,
  RESOLVED
}
