package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CorrelatedMessage;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.DeployedProcess;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.DeploymentResult;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.PublishedMessage;
import dev.engranaje.engine.gateway.Topology;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import dev.engranaje.engine.gateway.UserTaskView;
import dev.engranaje.engine.gateway.VariableView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** An engine stand-in that records every call and answers with canned results. */
final class FakeGateway implements EngineGateway {

  record Call(String method, List<Object> args) {
    Object arg(int index) {
      return args.get(index);
    }
  }

  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  /** When set, every call fails with it. */
  volatile RuntimeException failure;

  volatile Topology topology = new Topology("127.0.0.1", 8080, "8.9.0");
  volatile DeploymentResult deployment =
      new DeploymentResult(
          2251799813685249L,
          "<default>",
          List.of(new DeployedProcess("order", 1, 2251799813685250L, "order.bpmn", "<default>")));
  volatile CreatedProcessInstance created =
      new CreatedProcessInstance(2251799813685250L, "order", 1, 2251799813685251L, "<default>", null);
  volatile Function<ActivateJobs, CompletableFuture<List<ActivatedJob>>> activation =
      command -> CompletableFuture.completedFuture(List.of());
  volatile PublishedMessage published = new PublishedMessage(2251799813685260L, "<default>");
  volatile List<IncidentView> incidents = List.of();
  volatile Optional<ProcessInstanceView> processInstance = Optional.empty();
  volatile List<ProcessInstanceView> processInstances = List.of();
  volatile List<VariableView> variables = List.of();
  volatile Optional<UserTaskView> userTask = Optional.empty();
  volatile List<UserTaskView> userTasks = List.of();

  /** The next recorded call, waiting a little for asynchronous callers. */
  Call nextCall() throws InterruptedException {
    Call call = calls.poll(10, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("Expected the gateway to be called, but it was not");
    }
    return call;
  }

  /** How many recorded calls have not been taken yet. */
  int pendingCalls() {
    return calls.size();
  }

  /** The next call of {@code method}, skipping others (e.g. a worker's repeated polls). */
  Call nextCall(String method) throws InterruptedException {
    while (true) {
      Call call = nextCall();
      if (call.method().equals(method)) {
        return call;
      }
    }
  }

  private <T> CompletableFuture<T> answer(String method, T result, Object... args) {
    calls.add(new Call(method, Arrays.asList(args)));
    RuntimeException current = failure;
    return current != null
        ? CompletableFuture.failedFuture(current)
        : CompletableFuture.completedFuture(result);
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return answer("topology", topology);
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(
      List<DeploymentResource> resources, String tenantId) {
    return answer("deploy", deployment, resources, tenantId);
  }

  @Override
  public CompletableFuture<CreatedProcessInstance> createProcessInstance(
      CreateProcessInstance command) {
    return answer("createProcessInstance", created, command);
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return answer("cancelProcessInstance", null, processInstanceKey);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    CompletableFuture<List<ActivatedJob>> recorded = answer("activateJobs", null, command);
    return recorded.isCompletedExceptionally() ? recorded : activation.apply(command);
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, String variablesJson) {
    return answer("completeJob", null, jobKey, variablesJson);
  }

  @Override
  public CompletableFuture<Void> failJob(
      long jobKey, int retries, String errorMessage, long retryBackoffMillis, String variablesJson) {
    return answer("failJob", null, jobKey, retries, errorMessage, retryBackoffMillis, variablesJson);
  }

  @Override
  public CompletableFuture<Void> throwJobError(
      long jobKey, String errorCode, String errorMessage, String variablesJson) {
    return answer("throwJobError", null, jobKey, errorCode, errorMessage, variablesJson);
  }

  @Override
  public CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeoutMillis) {
    return answer("updateJob", null, jobKey, retries, timeoutMillis);
  }

  @Override
  public CompletableFuture<PublishedMessage> publishMessage(PublishMessage command) {
    return answer("publishMessage", published, command);
  }

  @Override
  public CompletableFuture<CorrelatedMessage> correlateMessage(PublishMessage command) {
    return answer("correlateMessage", new CorrelatedMessage(2251799813685300L, 2251799813685301L, "<default>"), command);
  }

  @Override
  public CompletableFuture<Long> setVariables(
      long elementInstanceKey, String variablesJson, boolean local) {
    return answer("setVariables", 2251799813685270L, elementInstanceKey, variablesJson, local);
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return answer("resolveIncident", null, incidentKey);
  }

  @Override
  public CompletableFuture<List<IncidentView>> searchIncidents(IncidentFilter filter) {
    return answer("searchIncidents", incidents, filter);
  }

  @Override
  public CompletableFuture<Optional<ProcessInstanceView>> getProcessInstance(
      long processInstanceKey) {
    return answer("getProcessInstance", processInstance, processInstanceKey);
  }

  @Override
  public CompletableFuture<List<ProcessInstanceView>> searchProcessInstances(
      ProcessInstanceFilter filter) {
    return answer("searchProcessInstances", processInstances, filter);
  }

  @Override
  public CompletableFuture<List<VariableView>> searchVariables(Long processInstanceKey, Long scopeKey) {
    return answer("searchVariables", variables, processInstanceKey, scopeKey);
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, String variablesJson, String action) {
    return answer("completeUserTask", null, userTaskKey, variablesJson, action);
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, Boolean allowOverride,
      String action) {
    return answer("assignUserTask", null, userTaskKey, assignee, allowOverride, action);
  }

  @Override
  public CompletableFuture<Void> unassignUserTask(long userTaskKey) {
    return answer("unassignUserTask", null, userTaskKey);
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update) {
    return answer("updateUserTask", null, userTaskKey, update);
  }

  @Override
  public CompletableFuture<Optional<UserTaskView>> getUserTask(long userTaskKey) {
    return answer("getUserTask", userTask, userTaskKey);
  }

  @Override
  public CompletableFuture<List<UserTaskView>> searchUserTasks(UserTaskFilter filter) {
    return answer("searchUserTasks", userTasks, filter);
  }
}
