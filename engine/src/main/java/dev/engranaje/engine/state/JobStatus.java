package dev.engranaje.engine.state;

public enum JobStatus {
  ACTIVATABLE,
  ACTIVATED,
  /** Failed: waiting for backoff (retries left) or for an operator (no retries). */
  FAILED,
  ERROR_THROWN
}
