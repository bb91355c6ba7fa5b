package dev.engranaje.workers.finance.reconcile;

/** Where a group stands: confirmed by a rule, suggested for a person, or unmatched. */
public enum GroupStatus {
  CONFIRMED,
  SUGGESTED,
  UNMATCHED
}
