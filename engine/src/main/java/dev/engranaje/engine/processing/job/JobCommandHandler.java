package dev.engranaje.engine.processing.job;

import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.ErrorType;
import dev.engranaje.engine.processing.Failure;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.ProcessorHooks;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.ErrorEventBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.IncidentBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.StateTransitionBehavior;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.Job;
import dev.engranaje.engine.state.JobStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Complete, fail, throw error and update commands on jobs (spec §4). Complete, fail and throw
 * error are accepted only while a job is activatable or activated.
 */
public final class JobCommandHandler {
  static final String NO_RETRIES_LEFT = "No more retries left.";

  private final EngineState state;
  private final RecordWriter writer;
  private final StateTransitionBehavior transitions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final ErrorEventBehavior errors;
  private final ProcessorHooks hooks;
  private final Clock clock;

  public JobCommandHandler(EngineState state, RecordWriter writer, StateTransitionBehavior transitions,
      VariableBehavior variables, IncidentBehavior incidents, ErrorEventBehavior errors, ProcessorHooks hooks, Clock clock) {
    this.state = state;
    this.writer = writer;
    this.transitions = transitions;
    this.variables = variables;
    this.incidents = incidents;
    this.errors = errors;
    this.hooks = hooks;
    this.clock = clock;
  }

  public void complete(long jobKey, String variablesJson) {
    Job job = workableJob(jobKey, "complete");
    Map<String, String> payload = JsonDocuments.entries(variablesJson);
    writer.event(jobKey, JobIntent.COMPLETED, job.record().withVariables(JsonDocuments.object(payload)));
    ElementInstance task = state.elementInstances().get(job.record().elementInstanceKey());
    transitions.complete(task, payload, null);
  }

  public void fail(long jobKey, int retries, String errorMessage, long backoffMillis, String variablesJson) {
    Job job = workableJob(jobKey, "fail");
    Map<String, String> payload = JsonDocuments.entries(variablesJson);
    String message = errorMessage == null ? "" : errorMessage;
    long backoff = Math.max(0, backoffMillis);
    long recurAt = retries > 0 && backoff > 0 ? clock.millis() + backoff : 0;
    JobRecord failed = job.record().withFailure(retries, message, backoff, recurAt,
        payload.isEmpty() ? null : JsonDocuments.object(payload));
    writer.event(jobKey, JobIntent.FAILED, failed);
    variables.mergeLocal(failed.elementInstanceKey(), payload);
    if (retries <= 0) {
      ElementInstance task = state.elementInstances().get(failed.elementInstanceKey());
      incidents.raise(task, new Failure(ErrorType.JOB_NO_RETRIES, message.isEmpty() ? NO_RETRIES_LEFT : message), jobKey);
    } else if (recurAt == 0) {
      hooks.jobsAvailable(failed.type());
    }
  }

  public void throwError(long jobKey, String errorCode, String errorMessage, String variablesJson) {
    if (errorCode == null || errorCode.isBlank()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected an error code to throw, but none was given");
    }
    Job job = workableJob(jobKey, "throw an error for");
    Map<String, String> payload = JsonDocuments.entries(variablesJson);
    String message = errorMessage == null ? "" : errorMessage;
    writer.event(jobKey, JobIntent.ERROR_THROWN, job.record().withError(errorCode, message,
        payload.isEmpty() ? null : JsonDocuments.object(payload)));
    ElementInstance task = state.elementInstances().get(job.record().elementInstanceKey());
    Failure uncaught = errors.throwError(task, errorCode, message, payload);
    if (uncaught != null) {
      incidents.raise(task, uncaught, jobKey);
    }
  }

  public void update(long jobKey, Integer retries, Long timeoutMillis) {
    Job job = state.jobs().get(jobKey);
    if (job == null) {
      throw notFound(jobKey, "update");
    }
    if (retries == null && timeoutMillis == null) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected retries or a timeout to update job with key '"
          + jobKey + "', but got neither");
    }
    if (retries != null) {
      if (retries < 1) {
        throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected to update the retries of job with key '" + jobKey
            + "' to a number greater than zero, but got " + retries);
      }
      writer.event(jobKey, JobIntent.RETRIES_UPDATED, job.record().withRetries(retries));
    }
    if (timeoutMillis != null) {
      if (job.status() != JobStatus.ACTIVATED) {
        throw new Rejection(RejectionType.INVALID_STATE, "Expected to update the timeout of job with key '" + jobKey
            + "', but it is not activated (it is " + job.status() + ")");
      }
      JobRecord current = state.jobs().get(jobKey).record();
      writer.event(jobKey, JobIntent.TIMEOUT_UPDATED, current.withActivation(current.worker(), clock.millis() + timeoutMillis));
    }
  }

  /**
   * Gives activated jobs back (Zeebe's YIELD): each becomes activatable at once, retries unchanged,
   * when it is still activated with the deadline it was handed out with. A job that was completed,
   * failed, timed out or re-activated since is left alone.
   */
  public void yieldJobs(List<ActivatedJob> jobs) {
    for (ActivatedJob activated : jobs) {
      Job job = state.jobs().get(activated.key());
      if (job == null || job.status() != JobStatus.ACTIVATED || job.record().deadline() != activated.deadline()) {
        continue;
      }
      writer.event(activated.key(), JobIntent.YIELDED, job.record());
      hooks.jobsAvailable(job.record().type());
    }
  }

  /** Times out activated jobs whose deadline passed and re-offers failed jobs whose backoff elapsed. */
  public void runDueWork(long now) {
    for (long key : state.jobs().deadlinePassed(now)) {
      Job job = state.jobs().get(key);
      writer.event(key, JobIntent.TIMED_OUT, job.record());
      hooks.jobsAvailable(job.record().type());
    }
    for (long key : state.jobs().backoffElapsed(now)) {
      Job job = state.jobs().get(key);
      JobRecord r = job.record();
      writer.event(key, JobIntent.RECURRED_AFTER_BACKOFF, r.withFailure(r.retries(), r.errorMessage(), r.retryBackoff(), 0, null));
      hooks.jobsAvailable(r.type());
    }
  }

  private Job workableJob(long jobKey, String action) {
    Job job = state.jobs().get(jobKey);
    if (job == null) {
      throw notFound(jobKey, action);
    }
    if (job.status() != JobStatus.ACTIVATABLE && job.status() != JobStatus.ACTIVATED) {
      String status = job.status() == JobStatus.ERROR_THROWN ? "ERROR_THROWN" : "FAILED";
      throw new Rejection(RejectionType.INVALID_STATE, "Expected to " + action + " job with key '" + jobKey
          + "', but it is in state '" + status + "'");
    }
    return job;
  }

  private static Rejection notFound(long jobKey, String action) {
    return new Rejection(RejectionType.NOT_FOUND, "Expected to " + action + " job with key '" + jobKey
        + "', but no such job was found");
  }
}
