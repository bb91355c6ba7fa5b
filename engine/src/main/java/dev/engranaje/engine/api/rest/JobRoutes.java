package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.EngineGateway;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobChangeset;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jobs: activation (long polling), completion, failure, BPMN errors and updates. */
final class JobRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(JobRoutes.class);

  /** The long poll when the request names no timeout, like Camunda's gateway default. */
  static final long DEFAULT_LONG_POLL_MILLIS = 10_000;

  private static final long DEFAULT_JOB_TIMEOUT_MILLIS = 300_000;

  private final EngineGateway gateway;
  private final BooleanSupplier serving;

  /**
   * @param serving whether the server still serves: an answer that fails to go out while the server
   *     stops says nothing about the client (it may well have read it), so nothing is handed back then
   */
  JobRoutes(EngineGateway gateway, BooleanSupplier serving) {
    this.gateway = gateway;
    this.serving = serving;
  }

  void register(Router router) {
    router.add("POST", "/v2/jobs/activation", this::activate);
    router.add("POST", "/v2/jobs/{key}/completion", this::complete);
    router.add("POST", "/v2/jobs/{key}/failure", this::fail);
    router.add("POST", "/v2/jobs/{key}/error", this::throwError);
    router.add("PATCH", "/v2/jobs/{key}", this::update);
  }

  private CompletionStage<RestResponse> activate(RestRequest request) {
    JobActivationRequest body = request.body(JobActivationRequest.class);
    if (body.getType() == null || body.getType().isEmpty()) {
      throw RestRequest.badRequest("Expected a job type to activate, but none was given");
    }
    Integer maxJobs = body.getMaxJobsToActivate();
    if (maxJobs == null || maxJobs < 1) {
      throw RestRequest.badRequest(
          "Expected maxJobsToActivate to be at least 1, but got " + maxJobs);
    }
    ActivateJobs command =
        new ActivateJobs(
            body.getType(),
            body.getWorker() == null ? "" : body.getWorker(),
            body.getTimeout() == null ? DEFAULT_JOB_TIMEOUT_MILLIS : body.getTimeout(),
            maxJobs,
            body.getFetchVariable() == null ? List.of() : body.getFetchVariable(),
            longPoll(body.getRequestTimeout()),
            body.getTenantIds() == null || body.getTenantIds().isEmpty()
                ? List.of(DeploymentRoutes.DEFAULT_TENANT)
                : body.getTenantIds());
    CompletableFuture<List<ActivatedJob>> activation = gateway.activateJobs(command);
    // A client that goes away while its poll is parked releases it at once; jobs activated for a
    // client that is gone by the time the answer is written are handed back.
    request.connection().onGone(() -> activation.cancel(false));
    return activation.thenApply(
        jobs -> {
          JobActivationResult result = new JobActivationResult();
          result.setJobs(jobs.stream().map(JobRoutes::toResult).toList());
          RestResponse response = RestResponse.ok(result);
          return jobs.isEmpty() ? response : response.onUndelivered(() -> handBack(jobs));
        });
  }

  private void handBack(List<ActivatedJob> jobs) {
    if (!serving.getAsBoolean()) {
      LOG.debug("The server is stopping; {} activated job(s) stay with their worker until their timeout", jobs.size());
      return;
    }
    LOG.info("The client went away before receiving {} activated job(s) of type '{}'; handing them back",
        jobs.size(), ProblemDetails.echo(jobs.get(0).type()));
    gateway.yieldJobs(jobs).whenComplete((ignored, failure) -> {
      if (failure != null) {
        LOG.warn("Could not hand back {} job(s); they become activatable at their timeout", jobs.size(), failure);
      }
    });
  }

  /**
   * Camunda's semantics: absent or 0 means the server default, negative means no long poll. The
   * client sends its own request timeout and waits that long plus an offset, so a positive value
   * is used as is.
   */
  static long longPoll(Long requestTimeout) {
    if (requestTimeout == null || requestTimeout == 0) {
      return DEFAULT_LONG_POLL_MILLIS;
    }
    return Math.max(0, requestTimeout);
  }

  private static ActivatedJobResult toResult(ActivatedJob job) {
    ActivatedJobResult result = new ActivatedJobResult();
    result.setJobKey(Json.key(job.key()));
    result.setType(job.type());
    result.setProcessInstanceKey(Json.key(job.processInstanceKey()));
    result.setProcessDefinitionId(job.bpmnProcessId());
    result.setProcessDefinitionVersion(job.processDefinitionVersion());
    result.setProcessDefinitionKey(Json.key(job.processDefinitionKey()));
    result.setElementId(job.elementId());
    result.setElementInstanceKey(Json.key(job.elementInstanceKey()));
    Map<String, Object> headers = new LinkedHashMap<>();
    if (job.customHeaders() != null) {
      headers.putAll(job.customHeaders());
    }
    result.setCustomHeaders(headers);
    result.setWorker(job.worker());
    result.setRetries(job.retries());
    result.setDeadline(job.deadline());
    result.setVariables(Json.variablesFromJson(job.variablesJson()));
    result.setTenantId(job.tenantId());
    result.setKind(JobKindEnum.BPMN_ELEMENT);
    result.setListenerEventType(JobListenerEventTypeEnum.UNSPECIFIED);
    result.setTags(new LinkedHashSet<>());
    return result;
  }

  private CompletionStage<RestResponse> complete(RestRequest request) {
    long key = request.key("key");
    JobCompletionRequest body = request.body(JobCompletionRequest.class);
    if (body.getResult() != null) {
      throw RestRequest.badRequest("Job results (user task and listener jobs) are not supported");
    }
    return gateway
        .completeJob(key, Json.variablesToJson(body.getVariables()))
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> fail(RestRequest request) {
    long key = request.key("key");
    JobFailRequest body = request.body(JobFailRequest.class);
    return gateway
        .failJob(
            key,
            body.getRetries() == null ? 0 : body.getRetries(),
            body.getErrorMessage(),
            body.getRetryBackOff() == null ? 0 : body.getRetryBackOff(),
            Json.variablesToJson(body.getVariables()))
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> throwError(RestRequest request) {
    long key = request.key("key");
    JobErrorRequest body = request.body(JobErrorRequest.class);
    if (body.getErrorCode() == null || body.getErrorCode().isEmpty()) {
      throw RestRequest.badRequest("Expected an errorCode, but none was given");
    }
    return gateway
        .throwJobError(
            key, body.getErrorCode(), body.getErrorMessage(), Json.variablesToJson(body.getVariables()))
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> update(RestRequest request) {
    long key = request.key("key");
    JobChangeset changeset = request.body(JobUpdateRequest.class).getChangeset();
    if (changeset == null || (changeset.getRetries() == null && changeset.getTimeout() == null)) {
      throw RestRequest.badRequest("Expected a changeset with retries and/or timeout");
    }
    String change = (changeset.getRetries() == null ? "" : "retries set to " + changeset.getRetries())
        + (changeset.getRetries() != null && changeset.getTimeout() != null ? ", " : "")
        + (changeset.getTimeout() == null ? "" : "timeout set to " + changeset.getTimeout() + " ms");
    return new OperatorAudit(gateway).record(request, "UPDATE", "JOB", key,
        gateway.updateJob(key, changeset.getRetries(), changeset.getTimeout()), change)
        .thenApply(ignored -> RestResponse.noContent());
  }
}
