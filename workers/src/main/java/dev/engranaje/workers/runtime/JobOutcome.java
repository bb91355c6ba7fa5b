package dev.engranaje.workers.runtime;

import java.util.Locale;

/** How the runtime ended one job, as counted by a {@link JobObserver} and shown in metrics. */
public enum JobOutcome {
  /** The worker returned; the job was completed with its output. */
  COMPLETED,
  /** The worker threw a {@link dev.engranaje.workers.api.BusinessError}; a BPMN error was thrown. */
  BUSINESS_ERROR,
  /** A technical failure with retries left: the job comes back after the backoff. */
  FAILED_WILL_RETRY,
  /** A technical failure with no retries left: an incident. */
  FAILED_INCIDENT,
  /** Arrived while the runtime was stopping: handed back untouched, with its retries unchanged. */
  RETURNED,
  /**
   * The engine refused the command that ended the job, usually because the job timed out and was
   * offered again (or its instance was cancelled) while the worker was still busy.
   */
  REJECTED;

  /** The lower-case name used as a metric tag, e.g. {@code failed_will_retry}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
