package dev.engranaje.engine.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Commands and queries the embedded engine accepts. Implementations are thread-safe; callers on any
 * thread may submit. JSON documents (variables) are passed as JSON object text.
 */
public interface EngineGateway {

  CompletableFuture<Topology> topology();

  /** Deploys all resources atomically: if one is invalid, nothing is stored (INVALID_ARGUMENT). */
  CompletableFuture<DeploymentResult> deploy(List<DeploymentResource> resources, String tenantId);

  /**
   * Creates a process instance. With {@code awaitCompletion} the future completes when the
   * instance completes (or fails with TIMEOUT after {@code requestTimeoutMillis}).
   */
  CompletableFuture<CreatedProcessInstance> createProcessInstance(CreateProcessInstance command);

  CompletableFuture<Void> cancelProcessInstance(long processInstanceKey);

  /**
   * Modifies a running process instance (activate, move, terminate) in one step: every instruction
   * is validated first, and one that Zeebe would refuse rejects the whole command (NOT_FOUND for an
   * unknown instance, INVALID_ARGUMENT naming the element otherwise). Meant to be audited and batched
   * by callers: it is one command with one outcome.
   */
  default CompletableFuture<Void> modifyProcessInstance(ModifyProcessInstance command) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Modification is not supported"));
  }

  /**
   * Migrates a running process instance to another process definition: each active element moves
   * to the element it is mapped to, with its jobs, timers, message subscriptions, user tasks and
   * incidents. A mapping Zeebe (or this engine, see docs/engine/repair.md) refuses rejects the
   * whole command with a message naming the element.
   */
  default CompletableFuture<Void> migrateProcessInstance(MigrateProcessInstance command) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Migration is not supported"));
  }

  /**
   * Activates up to {@code maxJobs} jobs of a type. When none is activatable and {@code
   * requestTimeoutMillis > 0}, the request is parked and answered as soon as a job appears or the
   * timeout passes (with an empty list).
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command);

  /**
   * Gives activated jobs back because they could not be handed to the worker (its client went
   * away): each that is still activated with the same deadline becomes activatable again at once,
   * retries unchanged, instead of waiting for its timeout. Like Zeebe's job YIELD.
   */
  default CompletableFuture<Void> yieldJobs(List<ActivatedJob> jobs) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Yielding jobs is not supported"));
  }

  CompletableFuture<Void> completeJob(long jobKey, String variablesJson);

  CompletableFuture<Void> failJob(
      long jobKey, int retries, String errorMessage, long retryBackoffMillis, String variablesJson);

  CompletableFuture<Void> throwJobError(
      long jobKey, String errorCode, String errorMessage, String variablesJson);

  /** Updates a job's retries and/or timeout; a null argument leaves that field unchanged. */
  CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeoutMillis);

  CompletableFuture<PublishedMessage> publishMessage(PublishMessage command);

  /**
   * Broadcasts a signal (spec §7.3) to every open subscription with its name; nothing is buffered.
   * INVALID_ARGUMENT without a name or when the variables are not a JSON object.
   */
  default CompletableFuture<BroadcastedSignal> broadcastSignal(String signalName, String variablesJson,
      String tenantId) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Signals are not supported"));
  }

  /**
   * Correlates a message at once to the open subscriptions matching it, without buffering (the
   * command's time to live and message id are ignored); NOT_FOUND when none takes it.
   */
  CompletableFuture<CorrelatedMessage> correlateMessage(PublishMessage command);

  /** Sets variables on an element instance scope; returns the key of the variable document. */
  CompletableFuture<Long> setVariables(long elementInstanceKey, String variablesJson, boolean local);

  CompletableFuture<Void> resolveIncident(long incidentKey);

  /**
   * Evaluates a deployed decision outside any process (and records the evaluation). NOT_FOUND when
   * no such decision is deployed; a failed evaluation is a result with a failure message, not an
   * error.
   */
  default CompletableFuture<DecisionEvaluationResult> evaluateDecision(EvaluateDecision command) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Decisions are not supported"));
  }

  /** Incidents, filtered by any non-null field of the filter, newest last. */
  CompletableFuture<List<IncidentView>> searchIncidents(IncidentFilter filter);

  CompletableFuture<Optional<ProcessInstanceView>> getProcessInstance(long processInstanceKey);

  /** Process instances, filtered by any non-null field of the filter, oldest first. */
  CompletableFuture<List<ProcessInstanceView>> searchProcessInstances(ProcessInstanceFilter filter);

  /** Variables visible in the given scope (or all scopes of the instance when scopeKey is null). */
  CompletableFuture<List<VariableView>> searchVariables(Long processInstanceKey, Long scopeKey);

  /** Completes a Camunda user task; the variables are a payload (spec §3.3). */
  CompletableFuture<Void> completeUserTask(long userTaskKey, String variablesJson, String action);

  /** Assigns a Camunda user task; {@code allowOverride} null means true. */
  CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, Boolean allowOverride, String action);

  CompletableFuture<Void> unassignUserTask(long userTaskKey);

  /**
   * Updates a Camunda user task's candidates, dates and priority; rejects invalid values and an
   * update that changes nothing and names no action.
   */
  CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update);

  CompletableFuture<Optional<UserTaskView>> getUserTask(long userTaskKey);

  /**
   * The deployed form a Camunda user task links (its form key), or empty when the task links none.
   * NOT_FOUND when there is no such task.
   */
  default CompletableFuture<Optional<FormView>> getUserTaskForm(long userTaskKey) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Forms are not supported"));
  }

  /** Camunda user tasks, live and ended, filtered by any non-null field of the filter, oldest first. */
  CompletableFuture<List<UserTaskView>> searchUserTasks(UserTaskFilter filter);

  /**
   * Resolves an incident as {@link #resolveIncident(long)} does and tells what followed at once (the
   * job can be activated again, or the failure raised a new incident).
   */
  default CompletableFuture<IncidentResolution> resolveIncidentWithOutcome(long incidentKey) {
    return resolveIncident(incidentKey).thenApply(ignored -> new IncidentResolution(false, "incident resolved"));
  }

  /** Starts a batch operation; returns its key. Its items are processed a few at a time afterwards. */
  default CompletableFuture<Long> createBatchOperation(BatchOperationRequest request) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Batch operations are not supported"));
  }

  /** Suspends an active batch operation: NOT_FOUND when none is unfinished, INVALID_STATE when not active. */
  default CompletableFuture<Void> suspendBatchOperation(long batchOperationKey) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Batch operations are not supported"));
  }

  /** Resumes a suspended batch operation: NOT_FOUND when none is unfinished, INVALID_STATE when not suspended. */
  default CompletableFuture<Void> resumeBatchOperation(long batchOperationKey) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Batch operations are not supported"));
  }

  /** Cancels an unfinished batch operation: the items not processed yet stay as they are. */
  default CompletableFuture<Void> cancelBatchOperation(long batchOperationKey) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Batch operations are not supported"));
  }

  /**
   * Deletes a deployed process definition version: NOT_FOUND when there is none with the key,
   * INVALID_STATE while instances of it run, INVALID_ARGUMENT for resources that cannot be deleted yet.
   */
  default CompletableFuture<Void> deleteResource(long resourceKey) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("Resource deletion is not supported"));
  }

  /** Records an operator action in the operations audit log (stored with the log, served from the history). */
  default CompletableFuture<Void> recordAudit(AuditEntry entry) {
    return CompletableFuture.completedFuture(null);
  }
}
