package dev.engranaje.engine.record;

public enum JobIntent implements Intent {
  CREATED,
  COMPLETE,
  COMPLETED,
  FAIL,
  FAILED,
  THROW_ERROR,
  ERROR_THROWN,
  TIMED_OUT,
  RECURRED_AFTER_BACKOFF,
  UPDATE_RETRIES,
  RETRIES_UPDATED,
  UPDATE_TIMEOUT,
  TIMEOUT_UPDATED,
  /** A command to give activated jobs back (their worker's client went away before receiving them). */
  YIELD,
  /** Activated jobs given back: activatable again at once, retries unchanged, like a timeout. */
  YIELDED,
  CANCELED,
  /** The job now belongs to another process definition (process instance migration). */
  MIGRATED
}
