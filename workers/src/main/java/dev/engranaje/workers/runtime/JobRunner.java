package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.workspace.Workspace;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one {@link JobWorker} for each job the client hands over: maps the input, calls the worker
 * and turns its outcome into exactly one command — complete (with the output as variables), throw
 * a BPMN error ({@link BusinessError}) or fail (with one retry less and a backoff, or no retries for
 * a permanent failure). Every message and output variable passes through the {@link Redactor}
 * first, so a secret never reaches the engine. Log lines carry the job's keys in the MDC.
 *
 * <p>Thread-safe: holds no per-job state.
 */
final class JobRunner<I, O> implements JobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};

  private final JobWorker<I, O> worker;
  private final WorkerOptions options;
  private final RuntimeServices services;
  private final InputMapper inputMapper;

  JobRunner(JobWorker<I, O> worker, WorkerOptions options, RuntimeServices services) {
    this.worker = worker;
    this.options = options;
    this.services = services;
    this.inputMapper = new InputMapper(services.json(), services.secrets());
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    JobInfo info = new JobInfo(job.getKey(), job.getType(), job.getProcessInstanceKey(), job.getBpmnProcessId(),
        job.getElementId(), job.getRetries(), job.getCustomHeaders());
    try (MDC.MDCCloseable a = MDC.putCloseable("processInstanceKey", Long.toString(info.processInstanceKey()));
        MDC.MDCCloseable b = MDC.putCloseable("jobKey", Long.toString(info.jobKey()));
        MDC.MDCCloseable c = MDC.putCloseable("jobType", info.jobType());
        MDC.MDCCloseable d = MDC.putCloseable("elementId", info.elementId())) {
      long started = System.nanoTime();
      Outcome outcome = run(client, job, info);
      services.observer().finished(info, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private Outcome run(JobClient client, ActivatedJob job, JobInfo info) {
    Redactor redactor = services.secrets().redactor();
    try {
      I input = inputMapper.map(info.jobType(), info.headers(), job.getVariablesAsMap(), worker.inputType());
      O output = worker.handle(input, context(info));
      client.newCompleteCommand(job).variables(outputVariables(output, redactor)).send().join();
      LOG.info("Completed job");
      return Outcome.COMPLETED;
    } catch (BusinessError error) {
      String message = redactor.redact(error.getMessage());
      client.newThrowErrorCommand(job).errorCode(error.code()).errorMessage(message)
          .variables(redactedVariables(error.variables(), redactor)).send().join();
      LOG.info("Threw BPMN error {}: {}", error.code(), message);
      return Outcome.BUSINESS_ERROR;
    } catch (TechnicalFailure failure) {
      return fail(client, job, failure.isRetryable(), failure, redactor, failure.backoff().orElse(null));
    } catch (RuntimeException | Error unexpected) {
      return fail(client, job, true, unexpected, redactor, null);
    } catch (Exception technical) {
      return fail(client, job, true, technical, redactor, null);
    }
  }

  private Outcome fail(
      JobClient client, ActivatedJob job, boolean retryable, Throwable failure, Redactor redactor, Duration requested) {
    String message = redactor.redact(describe(failure));
    int retries = retryable ? Math.max(0, job.getRetries() - 1) : 0;
    Duration backoff = retries == 0 ? Duration.ZERO
        : requested != null ? requested : options.backoff().after(options.retries() - retries);
    client.newFailCommand(job).retries(retries).retryBackoff(backoff).errorMessage(message).send().join();
    if (retries > 0) {
      LOG.warn("Failed job, {} retries left, next attempt in {}: {}", retries, backoff, message);
    } else {
      LOG.error("Failed job with no retries left (incident): {}", message);
    }
    return retries > 0 ? Outcome.FAILED_WILL_RETRY : Outcome.FAILED_INCIDENT;
  }

  private JobContext context(JobInfo info) {
    Workspace workspace = Workspace.forInstance(services.workspaceRoot(), info.processInstanceKey(), services.areas());
    return new JobContext(info, workspace, services.secrets(), services.ledger(), services.json(), services.clock());
  }

  private Map<String, Object> outputVariables(O output, Redactor redactor) {
    if (output == null) {
      return Map.of();
    }
    Map<String, Object> variables = services.json().convertValue(output, VARIABLES);
    return redactedVariables(variables, redactor);
  }

  // Round-trips through JSON text so a secret anywhere in a nested value is masked too.
  private Map<String, Object> redactedVariables(Map<String, Object> variables, Redactor redactor) {
    ObjectMapper json = services.json();
    try {
      String text = json.writeValueAsString(variables);
      if (!redactor.leaks(text)) {
        return variables;
      }
      LOG.warn("Masked a secret value in the output variables of the job");
      return json.readValue(redactor.redact(text), VARIABLES);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Expected the output to be JSON serialisable, but " + e.getMessage(), e);
    }
  }

  /** The failure's message and its causes', so an incident says what happened below the surface. */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(message(failure));
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
      String causeText = message(cause);
      if (!text.toString().contains(causeText)) {
        text.append(" (caused by ").append(causeText).append(')');
      }
    }
    return text.toString();
  }

  private static String message(Throwable failure) {
    String message = failure.getMessage();
    boolean ours = failure instanceof TechnicalFailure || failure instanceof BusinessError;
    return ours && message != null ? message : failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** How a job ended, for metrics. */
  enum Outcome {
    COMPLETED,
    BUSINESS_ERROR,
    FAILED_WILL_RETRY,
    FAILED_INCIDENT
  }

  /** What the runner needs from the runtime; shared by every job type. */
  record RuntimeServices(
      ObjectMapper json, SecretResolver secrets, IdempotencyLedger ledger, Path workspaceRoot, Map<String, Path> areas,
      Clock clock, JobObserver observer) {}

  /** Notified after each job, e.g. to count outcomes and durations. Thread-safe. */
  interface JobObserver {
    JobObserver NONE = (job, outcome, duration) -> {};

    void finished(JobInfo job, Outcome outcome, Duration duration);
  }
}
