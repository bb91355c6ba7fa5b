package dev.engranaje.workers.runtime;

import dev.engranaje.workers.api.JobInfo;
import java.time.Duration;

/**
 * Notified around each job the runtime handles, e.g. to count outcomes and durations or to track
 * the jobs in flight. Called on the job's thread; implementations must be thread-safe and quick.
 */
public interface JobObserver {
  JobObserver NONE = (job, outcome, duration) -> {};

  /** The worker is about to handle {@code job}. */
  default void started(JobInfo job) {}

  /** {@code job} ended with {@code outcome} after {@code duration} (mapping, handling and the command). */
  void finished(JobInfo job, JobOutcome outcome, Duration duration);
}
