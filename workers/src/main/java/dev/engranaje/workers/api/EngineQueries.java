package dev.engranaje.workers.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The few questions a worker may ask the engine about its own process instance, through the
 * official client: who completed a user task (for four-eyes controls, where the process variables
 * are not proof, since anyone with API access can set them) and what a deployed decision says
 * (to re-check a tier instead of trusting a variable). Read-only by design: a worker never drives
 * the engine through this.
 */
public interface EngineQueries {

  /**
   * A user task that was completed.
   *
   * @param userTaskKey the task's key
   * @param elementId the user task's id in the model
   * @param assignee who it was assigned to when completed, {@code null} when nobody
   * @param completedAt when it was completed
   */
  record CompletedUserTask(long userTaskKey, String elementId, String assignee, OffsetDateTime completedAt) {}

  /**
   * The most recently completed user task of the process instance with this element id (a task in a
   * loop is completed once per pass), or empty when none was completed.
   */
  Optional<CompletedUserTask> lastCompletedUserTask(long processInstanceKey, String elementId) throws TechnicalFailure;

  /**
   * Evaluates the latest deployed version of a decision and returns its output as the engine gives
   * it: the value itself for a decision with one output and a single hit (e.g. {@code "dual"}), a map
   * of output name to value for several outputs.
   *
   * @throws TechnicalFailure when the decision is not deployed or its evaluation fails
   */
  Object evaluateDecision(String decisionId, Map<String, Object> variables) throws TechnicalFailure;

  /** For contexts without an engine (unit tests of workers that never ask): every question fails permanently. */
  EngineQueries NONE = new EngineQueries() {
    @Override
    public Optional<CompletedUserTask> lastCompletedUserTask(long processInstanceKey, String elementId)
        throws TechnicalFailure {
      throw TechnicalFailure.permanent("Expected a connection to the engine to look up user task '" + elementId
          + "', but this worker runs without one");
    }

    @Override
    public Object evaluateDecision(String decisionId, Map<String, Object> variables)
        throws TechnicalFailure {
      throw TechnicalFailure.permanent("Expected a connection to the engine to evaluate decision '" + decisionId
          + "', but this worker runs without one");
    }
  };
}
