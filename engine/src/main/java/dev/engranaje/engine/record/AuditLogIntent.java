package dev.engranaje.engine.record;

/** An operator action was recorded in the operations audit log. */
public enum AuditLogIntent implements Intent {
  RECORDED
}
