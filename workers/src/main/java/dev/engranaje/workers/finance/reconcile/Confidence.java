package dev.engranaje.workers.finance.reconcile;

/** How sure a rule is of a proposal. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
