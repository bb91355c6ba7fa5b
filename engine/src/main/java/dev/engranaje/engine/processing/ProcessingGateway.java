package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.AuditEntry;
import dev.engranaje.engine.gateway.BatchOperationRequest;
import dev.engranaje.engine.gateway.IncidentResolution;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.DecisionEvaluationResult;
import dev.engranaje.engine.gateway.EvaluateDecision;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.FormView;
import dev.engranaje.engine.gateway.MigrateProcessInstance;
import dev.engranaje.engine.gateway.ModifyProcessInstance;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.CorrelatedMessage;
import dev.engranaje.engine.gateway.BroadcastedSignal;
import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.PublishedMessage;
import dev.engranaje.engine.gateway.Topology;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import dev.engranaje.engine.gateway.UserTaskView;
import dev.engranaje.engine.gateway.VariableView;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.processing.deployment.DeploymentPreparer;
import dev.engranaje.engine.processing.deployment.PreparedDeployment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The {@link EngineGateway} of an embedded engine: every call becomes a command on the processor. */
public final class ProcessingGateway implements EngineGateway {
  private final CommandProcessor processor;
  private final Supplier<Topology> topology;
  private final DeploymentPreparer preparer;

  /**
   * @param preparer reads, validates and transforms deployments on the caller's thread, so that the
   *     processor thread only applies them; null prepares on the processor thread
   */
  public ProcessingGateway(CommandProcessor processor, Supplier<Topology> topology, DeploymentPreparer preparer) {
    this.processor = processor;
    this.topology = topology;
    this.preparer = preparer;
  }

  public ProcessingGateway(CommandProcessor processor, Supplier<Topology> topology) {
    this(processor, topology, null);
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return CompletableFuture.completedFuture(topology.get());
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(List<DeploymentResource> resources, String tenantId) {
    if (preparer == null) {
      return processor.submit((p, reply) -> reply.complete(p.deployments().deploy(resources, tenantId)));
    }
    PreparedDeployment prepared;
    try {
      prepared = preparer.prepare(resources, tenantId);
    } catch (Rejection rejection) {
      return CompletableFuture.failedFuture(rejection);
    }
    return processor.submit((p, reply) -> reply.complete(p.deployments().deploy(prepared, tenantId)));
  }

  @Override
  public CompletableFuture<CreatedProcessInstance> createProcessInstance(CreateProcessInstance command) {
    return processor.submit((p, reply) -> p.instances().create(command, reply));
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return processor.submit((p, reply) -> {
      p.instances().cancel(processInstanceKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> modifyProcessInstance(ModifyProcessInstance command) {
    return processor.submit((p, reply) -> {
      p.modifications().modify(command);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> migrateProcessInstance(MigrateProcessInstance command) {
    return processor.submit((p, reply) -> {
      p.migrations().migrate(command);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<DecisionEvaluationResult> evaluateDecision(EvaluateDecision command) {
    return processor.submit((p, reply) -> reply.complete(p.decisionEvaluations().evaluate(command)));
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    // The caller cancels the answer when its client goes away: a parked poll is then dropped at once,
    // and jobs activated for it meanwhile are handed back rather than left until their timeout.
    CompletableFuture<List<ActivatedJob>> answer = new CompletableFuture<>();
    processor.<List<ActivatedJob>>submit((p, reply) -> p.jobActivation().activate(command, reply, answer::isDone))
        .whenComplete((jobs, failure) -> {
          if (failure != null) {
            answer.completeExceptionally(failure);
          } else if (!answer.complete(jobs) && !jobs.isEmpty()) {
            yieldJobs(jobs);
          }
        });
    answer.whenComplete((jobs, failure) -> {
      if (answer.isCancelled()) {
        processor.submit((p, reply) -> {
          p.jobActivation().dropAbandoned();
          reply.complete(null);
        });
      }
    });
    return answer;
  }

  @Override
  public CompletableFuture<Void> yieldJobs(List<ActivatedJob> jobs) {
    return processor.submit((p, reply) -> {
      p.jobs().yieldJobs(jobs);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, String variablesJson) {
    return processor.submit((p, reply) -> {
      p.jobs().complete(jobKey, variablesJson);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage, long retryBackoffMillis,
      String variablesJson) {
    return processor.submit((p, reply) -> {
      p.jobs().fail(jobKey, retries, errorMessage, retryBackoffMillis, variablesJson);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> throwJobError(long jobKey, String errorCode, String errorMessage, String variablesJson) {
    return processor.submit((p, reply) -> {
      p.jobs().throwError(jobKey, errorCode, errorMessage, variablesJson);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeoutMillis) {
    return processor.submit((p, reply) -> {
      p.jobs().update(jobKey, retries, timeoutMillis);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<PublishedMessage> publishMessage(PublishMessage command) {
    return processor.submit((p, reply) -> reply.complete(p.messages().publish(command)));
  }

  @Override
  public CompletableFuture<BroadcastedSignal> broadcastSignal(String signalName, String variablesJson,
      String tenantId) {
    return processor.submit((p, reply) -> reply.complete(
        new BroadcastedSignal(p.signals().broadcast(signalName, variablesJson, tenantId), tenantId)));
  }

  @Override
  public CompletableFuture<CorrelatedMessage> correlateMessage(PublishMessage command) {
    return processor.submit((p, reply) -> reply.complete(p.messages().correlate(command)));
  }

  @Override
  public CompletableFuture<Long> setVariables(long elementInstanceKey, String variablesJson, boolean local) {
    return processor.submit((p, reply) -> reply.complete(p.variableDocuments().set(elementInstanceKey, variablesJson, local)));
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return processor.submit((p, reply) -> {
      p.incidents().resolve(incidentKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<IncidentResolution> resolveIncidentWithOutcome(long incidentKey) {
    return processor.submit((p, reply) -> reply.complete(p.incidents().resolve(incidentKey)));
  }

  @Override
  public CompletableFuture<Long> createBatchOperation(BatchOperationRequest request) {
    return processor.submit((p, reply) -> reply.complete(p.batchOperations().create(request)));
  }

  @Override
  public CompletableFuture<Void> suspendBatchOperation(long batchOperationKey) {
    return processor.submit((p, reply) -> {
      p.batchOperations().suspend(batchOperationKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> resumeBatchOperation(long batchOperationKey) {
    return processor.submit((p, reply) -> {
      p.batchOperations().resume(batchOperationKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> cancelBatchOperation(long batchOperationKey) {
    return processor.submit((p, reply) -> {
      p.batchOperations().cancel(batchOperationKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> deleteResource(long resourceKey) {
    return processor.submit((p, reply) -> {
      p.resourceDeletion().delete(resourceKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> recordAudit(AuditEntry entry) {
    return processor.submit((p, reply) -> {
      p.audit().write(entry);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<List<IncidentView>> searchIncidents(IncidentFilter filter) {
    return processor.submit((p, reply) -> reply.complete(p.queries().incidents(filter)));
  }

  @Override
  public CompletableFuture<Optional<ProcessInstanceView>> getProcessInstance(long processInstanceKey) {
    return processor.submit((p, reply) -> reply.complete(p.queries().processInstance(processInstanceKey)));
  }

  @Override
  public CompletableFuture<List<ProcessInstanceView>> searchProcessInstances(ProcessInstanceFilter filter) {
    return processor.submit((p, reply) -> reply.complete(p.queries().processInstances(filter)));
  }

  @Override
  public CompletableFuture<List<VariableView>> searchVariables(Long processInstanceKey, Long scopeKey) {
    return processor.submit((p, reply) -> reply.complete(p.queries().variables(processInstanceKey, scopeKey)));
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, String variablesJson, String action) {
    return processor.submit((p, reply) -> {
      p.userTasks().complete(userTaskKey, variablesJson, action);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, Boolean allowOverride,
      String action) {
    return processor.submit((p, reply) -> {
      p.userTasks().assign(userTaskKey, assignee, allowOverride, action);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> unassignUserTask(long userTaskKey) {
    return processor.submit((p, reply) -> {
      p.userTasks().unassign(userTaskKey);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update) {
    return processor.submit((p, reply) -> {
      p.userTasks().update(userTaskKey, update);
      reply.complete(null);
    });
  }

  @Override
  public CompletableFuture<Optional<UserTaskView>> getUserTask(long userTaskKey) {
    return processor.submit((p, reply) -> reply.complete(p.userTaskQueries().userTask(userTaskKey)));
  }

  @Override
  public CompletableFuture<Optional<FormView>> getUserTaskForm(long userTaskKey) {
    return processor.submit((p, reply) -> reply.complete(p.userTaskQueries().form(userTaskKey)));
  }

  @Override
  public CompletableFuture<List<UserTaskView>> searchUserTasks(UserTaskFilter filter) {
    return processor.submit((p, reply) -> reply.complete(p.userTaskQueries().userTasks(filter)));
  }
}
