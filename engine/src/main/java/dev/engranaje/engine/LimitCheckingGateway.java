package dev.engranaje.engine;

import dev.engranaje.engine.expression.Utf8Length;
import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.AuditEntry;
import dev.engranaje.engine.gateway.BatchOperationRequest;
import dev.engranaje.engine.gateway.IncidentResolution;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.BroadcastedSignal;
import dev.engranaje.engine.gateway.CorrelatedMessage;
import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.DecisionEvaluationResult;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.EvaluateDecision;
import dev.engranaje.engine.gateway.FormView;
import dev.engranaje.engine.gateway.MigrateProcessInstance;
import dev.engranaje.engine.gateway.ModifyProcessInstance;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.PublishedMessage;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.gateway.Topology;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import dev.engranaje.engine.gateway.UserTaskView;
import dev.engranaje.engine.gateway.VariableView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Enforces the {@link EngineLimits} on every command before it reaches the processor: a command
 * over a limit is rejected (INVALID_ARGUMENT, HTTP 400) on the caller's thread, with a message
 * naming the limit, the actual size and the flag that raises it, and without echoing the oversized
 * value. Thread-safe; queries pass through unchecked.
 */
final class LimitCheckingGateway implements EngineGateway {
  static final String VARIABLES_TOO_LARGE = "Expected the variables of this command to be at most %d bytes"
      + " (--max-variables-size), but they are %d bytes";
  static final String TOO_LONG = "Expected the %s to be at most %d characters (%s), but it is %d characters long";
  static final String MESSAGE_TOO_LARGE = "Expected the error message of this command to be at most %d bytes"
      + " (--max-variables-size), but it is %d bytes";

  private final EngineGateway delegate;
  private final EngineLimits limits;

  LimitCheckingGateway(EngineGateway delegate, EngineLimits limits) {
    this.delegate = delegate;
    this.limits = limits;
  }

  private void variables(String variablesJson) {
    if (variablesJson != null && variablesJson.length() > limits.maxVariablesBytes() / 4) {
      long bytes = Utf8Length.of(variablesJson);
      if (bytes > limits.maxVariablesBytes()) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT,
            String.format(VARIABLES_TOO_LARGE, limits.maxVariablesBytes(), bytes));
      }
    }
  }

  private void errorMessage(String message) {
    if (message != null && message.length() > limits.maxVariablesBytes() / 4) {
      long bytes = Utf8Length.of(message);
      if (bytes > limits.maxVariablesBytes()) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT,
            String.format(MESSAGE_TOO_LARGE, limits.maxVariablesBytes(), bytes));
      }
    }
  }

  private static void length(String what, String value, int max, String flag) {
    if (value != null && value.length() > max) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, String.format(TOO_LONG, what, max, flag, value.length()));
    }
  }

  private void message(PublishMessage command) {
    length("message name", command.name(), limits.maxMessageNameLength(), "--max-message-name-length");
    length("correlation key", command.correlationKey(), limits.maxCorrelationKeyLength(),
        "--max-correlation-key-length");
    length("message id", command.messageId(), limits.maxMessageIdLength(), "--max-message-id-length");
    variables(command.variablesJson());
  }

  private static <T> CompletableFuture<T> checked(Runnable check, Supplier<CompletableFuture<T>> call) {
    try {
      check.run();
    } catch (Rejection rejection) {
      return CompletableFuture.failedFuture(rejection);
    }
    return call.get();
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return delegate.topology();
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(List<DeploymentResource> resources, String tenantId) {
    return delegate.deploy(resources, tenantId);
  }

  @Override
  public CompletableFuture<CreatedProcessInstance> createProcessInstance(CreateProcessInstance command) {
    return checked(() -> variables(command.variablesJson()), () -> delegate.createProcessInstance(command));
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return delegate.cancelProcessInstance(processInstanceKey);
  }

  @Override
  public CompletableFuture<Void> modifyProcessInstance(ModifyProcessInstance command) {
    return checked(() -> {
      command.activations().forEach(activation -> activation.variables()
          .forEach(instruction -> variables(instruction.variablesJson())));
      command.moves().forEach(move -> move.variables().forEach(instruction -> variables(instruction.variablesJson())));
    }, () -> delegate.modifyProcessInstance(command));
  }

  @Override
  public CompletableFuture<Void> migrateProcessInstance(MigrateProcessInstance command) {
    return delegate.migrateProcessInstance(command);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    return checked(() -> length("job type", command.type(), limits.maxJobTypeLength(), "--max-job-type-length"),
        () -> delegate.activateJobs(command));
  }

  @Override
  public CompletableFuture<Void> yieldJobs(List<ActivatedJob> jobs) {
    return delegate.yieldJobs(jobs);
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, String variablesJson) {
    return checked(() -> variables(variablesJson), () -> delegate.completeJob(jobKey, variablesJson));
  }

  @Override
  public CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage, long retryBackoffMillis,
      String variablesJson) {
    return checked(() -> {
      variables(variablesJson);
      errorMessage(errorMessage);
    }, () -> delegate.failJob(jobKey, retries, errorMessage, retryBackoffMillis, variablesJson));
  }

  @Override
  public CompletableFuture<Void> throwJobError(long jobKey, String errorCode, String errorMessage,
      String variablesJson) {
    return checked(() -> {
      length("error code", errorCode, limits.maxErrorCodeLength(), "--max-error-code-length");
      variables(variablesJson);
      errorMessage(errorMessage);
    }, () -> delegate.throwJobError(jobKey, errorCode, errorMessage, variablesJson));
  }

  @Override
  public CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeoutMillis) {
    return delegate.updateJob(jobKey, retries, timeoutMillis);
  }

  @Override
  public CompletableFuture<PublishedMessage> publishMessage(PublishMessage command) {
    return checked(() -> message(command), () -> delegate.publishMessage(command));
  }

  @Override
  public CompletableFuture<BroadcastedSignal> broadcastSignal(String signalName, String variablesJson,
      String tenantId) {
    return checked(() -> {
      length("signal name", signalName, limits.maxSignalNameLength(), "--max-signal-name-length");
      variables(variablesJson);
    }, () -> delegate.broadcastSignal(signalName, variablesJson, tenantId));
  }

  @Override
  public CompletableFuture<CorrelatedMessage> correlateMessage(PublishMessage command) {
    return checked(() -> message(command), () -> delegate.correlateMessage(command));
  }

  @Override
  public CompletableFuture<Long> setVariables(long elementInstanceKey, String variablesJson, boolean local) {
    return checked(() -> variables(variablesJson), () -> delegate.setVariables(elementInstanceKey, variablesJson, local));
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return delegate.resolveIncident(incidentKey);
  }

  @Override
  public CompletableFuture<DecisionEvaluationResult> evaluateDecision(EvaluateDecision command) {
    return delegate.evaluateDecision(command);
  }

  @Override
  public CompletableFuture<List<IncidentView>> searchIncidents(IncidentFilter filter) {
    return delegate.searchIncidents(filter);
  }

  @Override
  public CompletableFuture<Optional<ProcessInstanceView>> getProcessInstance(long processInstanceKey) {
    return delegate.getProcessInstance(processInstanceKey);
  }

  @Override
  public CompletableFuture<List<ProcessInstanceView>> searchProcessInstances(ProcessInstanceFilter filter) {
    return delegate.searchProcessInstances(filter);
  }

  @Override
  public CompletableFuture<List<VariableView>> searchVariables(Long processInstanceKey, Long scopeKey) {
    return delegate.searchVariables(processInstanceKey, scopeKey);
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, String variablesJson, String action) {
    return checked(() -> variables(variablesJson), () -> delegate.completeUserTask(userTaskKey, variablesJson, action));
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, Boolean allowOverride,
      String action) {
    return delegate.assignUserTask(userTaskKey, assignee, allowOverride, action);
  }

  @Override
  public CompletableFuture<Void> unassignUserTask(long userTaskKey) {
    return delegate.unassignUserTask(userTaskKey);
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update) {
    return delegate.updateUserTask(userTaskKey, update);
  }

  @Override
  public CompletableFuture<Optional<UserTaskView>> getUserTask(long userTaskKey) {
    return delegate.getUserTask(userTaskKey);
  }

  @Override
  public CompletableFuture<Optional<FormView>> getUserTaskForm(long userTaskKey) {
    return delegate.getUserTaskForm(userTaskKey);
  }

  @Override
  public CompletableFuture<List<UserTaskView>> searchUserTasks(UserTaskFilter filter) {
    return delegate.searchUserTasks(filter);
  }

  @Override
  public CompletableFuture<IncidentResolution> resolveIncidentWithOutcome(long incidentKey) {
    return delegate.resolveIncidentWithOutcome(incidentKey);
  }

  @Override
  public CompletableFuture<Long> createBatchOperation(BatchOperationRequest request) {
    return delegate.createBatchOperation(request);
  }

  @Override
  public CompletableFuture<Void> suspendBatchOperation(long batchOperationKey) {
    return delegate.suspendBatchOperation(batchOperationKey);
  }

  @Override
  public CompletableFuture<Void> resumeBatchOperation(long batchOperationKey) {
    return delegate.resumeBatchOperation(batchOperationKey);
  }

  @Override
  public CompletableFuture<Void> cancelBatchOperation(long batchOperationKey) {
    return delegate.cancelBatchOperation(batchOperationKey);
  }

  @Override
  public CompletableFuture<Void> deleteResource(long resourceKey) {
    return delegate.deleteResource(resourceKey);
  }

  @Override
  public CompletableFuture<Void> recordAudit(AuditEntry entry) {
    return delegate.recordAudit(entry);
  }
}
