package dev.engranaje.engine.record;

/** Written when an escalation is thrown: caught (ESCALATED) or not (NOT_ESCALATED, spec §7.6). */
public enum EscalationIntent implements Intent {
  ESCALATED,
  NOT_ESCALATED
}
