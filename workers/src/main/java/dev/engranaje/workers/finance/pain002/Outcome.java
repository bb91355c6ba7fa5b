package dev.engranaje.workers.finance.pain002;

/** What a status means for one payment. */
public enum Outcome {
  /** The bank accepted it (technically, for its profile, for settlement, or settled). */
  ACCEPTED,
  /** The bank refused it; the reason code and text say why. */
  REJECTED,
  /** The bank has it but has not decided yet (PDNG, RCVD). */
  PENDING,
  /** The report says nothing decisive about it (absent, PART without detail, another message). */
  UNKNOWN
}
