package dev.engranaje.workers.finance.reconcile.synthetic;

/** What the truth says should become of a generated case. */
public enum Expectation {
  /** Exactly this group, confirmed. */
  CONFIRMED,
  /** The entry in a suggested group (for a person), never confirmed. */
  SUGGESTED,
  /** A trap: anything but confirmed (suggested or unmatched are both right). */
  NOT_CONFIRMED,
  /** Every entry and item of the case unmatched. */
  UNMATCHED
}
