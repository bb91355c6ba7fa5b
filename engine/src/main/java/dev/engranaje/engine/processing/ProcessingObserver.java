package dev.engranaje.engine.processing;

import dev.engranaje.engine.storage.RecordLog;

/**
 * Sees the processor's work as it happens, on the processor thread: a seam for diagnostics and for
 * fault-injection tests (a test observer may throw an {@link Error} for one unit of work to stand in
 * for a poisonous command). The default does nothing. Implementations must be quick and thread-safe.
 */
public interface ProcessingObserver {
  /** Observes nothing. */
  ProcessingObserver NONE = new ProcessingObserver() {};

  /**
   * Called before a unit of work runs.
   *
   * @param workId a stable id of the work when it has one (e.g. {@code timer:22517998136852}), the
   *     quarantine's key; {@code request} or {@code due-work} otherwise
   * @param description the same for people, e.g. {@code timer 22517998136852 of process 'x' (element 'y')}
   */
  default void beforeWork(String workId, String description) {}

  /** Called on the processor thread once the record log is open, before recovery. */
  default void logOpened(RecordLog log) {}
}
