package dev.engranaje.workers.runtime;

import java.time.Duration;
import java.util.List;

/**
 * How the runtime serves one job type.
 *
 * @param maxJobsActive jobs of this type handled at once (default 4); the concurrency per type
 * @param timeout how long an activated job is ours before the engine offers it again (default 5 min)
 * @param fetchVariables variables to fetch; empty means the input record's properties
 * @param retries the retries the model gives this type (default 3), used to number attempts for
 *     the backoff; the engine's count stays authoritative
 * @param backoff the wait before a failed job is offered again
 */
public record WorkerOptions(int maxJobsActive, Duration timeout, List<String> fetchVariables, int retries, Backoff backoff) {
  public static final WorkerOptions DEFAULT = new WorkerOptions(4, Duration.ofMinutes(5), List.of(), 3, Backoff.DEFAULT);

  public WorkerOptions {
    if (maxJobsActive < 1) {
      throw new IllegalArgumentException("Expected maxJobsActive >= 1, but got " + maxJobsActive);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Expected a positive job timeout, but got " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("Expected retries >= 0, but got " + retries);
    }
    fetchVariables = List.copyOf(fetchVariables);
    backoff = java.util.Objects.requireNonNull(backoff, "backoff");
  }

  public WorkerOptions withMaxJobsActive(int value) {
    return new WorkerOptions(value, timeout, fetchVariables, retries, backoff);
  }

  public WorkerOptions withTimeout(Duration value) {
    return new WorkerOptions(maxJobsActive, value, fetchVariables, retries, backoff);
  }

  public WorkerOptions withFetchVariables(List<String> value) {
    return new WorkerOptions(maxJobsActive, timeout, value, retries, backoff);
  }

  public WorkerOptions withRetries(int value) {
    return new WorkerOptions(maxJobsActive, timeout, fetchVariables, value, backoff);
  }

  public WorkerOptions withBackoff(Backoff value) {
    return new WorkerOptions(maxJobsActive, timeout, fetchVariables, retries, value);
  }
}
