package dev.engranaje.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an engine has left to do, read on the processor thread after everything submitted before
 * it was processed and stored (see {@link Engine#activity()}). Test harnesses use it to wait until
 * the engine is idle and to skip time to the next timer.
 *
 * @param at the engine clock's time when it was read
 * @param dueWorkPending true when time-based work (a timer, a job timeout or backoff, a message
 *     expiry) is already due and will run on the processor's next turn
 * @param nextInstanceTimer when the earliest timer of a running process instance (a boundary,
 *     intermediate or event-subprocess timer) is due; timer start events are not counted, so a
 *     cycle that starts new instances never looks like work of the running ones
 * @param nextDueWork when the earliest time-based work of any kind is due (timers of start
 *     events, job deadlines and backoffs, message expiry included)
 * @param activatableJobs activatable jobs by job type, never {@code null}
 * @param activatedJobs jobs activated by a worker and not yet completed, failed or errored, by type
 */
public record EngineActivity(
    Instant at, boolean dueWorkPending, Optional<Instant> nextInstanceTimer, Optional<Instant> nextDueWork,
    Map<String, Integer> activatableJobs, Map<String, Integer> activatedJobs) {

  public EngineActivity {
    activatableJobs = Map.copyOf(activatableJobs);
    activatedJobs = Map.copyOf(activatedJobs);
  }
}
