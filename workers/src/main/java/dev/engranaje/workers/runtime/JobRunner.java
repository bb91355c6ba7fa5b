package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.EngineQueries;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.workspace.Workspace;
import io.camunda.client.api.command.FinalCommandStep;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>A job that arrives once the runtime is stopping is handed back untouched (retries unchanged,
 * no backoff), so another worker picks it up at once. A command the engine refuses — typically the
 * completion of a job that timed out meanwhile — is logged and counted, never thrown.
 *
 * <p>Thread-safe: the only per-job state is the failure count per job key, in a concurrent map.
 */
final class JobRunner<I, O> implements JobHandler {
  static final String RETURNED_MESSAGE =
      "Expected a running worker to handle the job, but it was shutting down; the job was handed back untouched";
  static final String COMMAND_FAILED =
      "Expected the engine to accept the %s command for the job, but it failed: %s. If the job was not found,"
          + " it timed out and was offered again (raise the job type's timeout) or its instance was cancelled;"
          + " side effects recorded in the idempotency ledger are not repeated";
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};
  private static final int MAX_TRACKED_FAILURES = 10_000;

  private final JobWorker<I, O> worker;
  private final WorkerOptions options;
  private final RuntimeServices services;
  private final InputMapper inputMapper;
  // failures seen per job key (stable across retries of a job), to number backoff attempts even
  // when the model's retries differ from the configured ones
  private final Map<Long, Integer> failures = new ConcurrentHashMap<>();

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
      if (!services.running().enter(info)) {
        JobOutcome outcome = handBack(client, job);
        services.observer().finished(info, outcome, Duration.ofNanos(System.nanoTime() - started));
        return;
      }
      JobOutcome outcome;
      try {
        services.observer().started(info);
        outcome = run(client, job, info);
      } finally {
        services.running().exit(info);
      }
      services.observer().finished(info, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  // Counted as RETURNED even when the engine refuses the hand-back: the job never ran here, and the
  // engine offers it again after its timeout.
  private JobOutcome handBack(JobClient client, ActivatedJob job) {
    if (send(client.newFailCommand(job).retries(job.getRetries()).retryBackoff(Duration.ZERO)
        .errorMessage(RETURNED_MESSAGE), "fail")) {
      LOG.info("Handed the job back untouched: the runtime is stopping");
    }
    return JobOutcome.RETURNED;
  }

  private JobOutcome run(JobClient client, ActivatedJob job, JobInfo info) {
    Redactor redactor = services.secrets().redactor();
    try {
      I input = inputMapper.map(info.jobType(), info.headers(), job.getVariablesAsMap(), worker.inputType());
      O output = worker.handle(input, context(info));
      failures.remove(info.jobKey());
      if (!send(client.newCompleteCommand(job).variables(outputVariables(output, redactor)), "complete")) {
        return JobOutcome.REJECTED;
      }
      LOG.info("Completed job");
      return JobOutcome.COMPLETED;
    } catch (BusinessError error) {
      failures.remove(info.jobKey());
      String message = redactor.redact(error.getMessage());
      if (!send(client.newThrowErrorCommand(job).errorCode(error.code()).errorMessage(message)
          .variables(redactedVariables(error.variables(), redactor)), "throw error")) {
        return JobOutcome.REJECTED;
      }
      LOG.info("Threw BPMN error {}: {}", error.code(), message);
      return JobOutcome.BUSINESS_ERROR;
    } catch (TechnicalFailure failure) {
      return fail(client, job, failure.isRetryable(), failure, redactor, failure.backoff().orElse(null));
    } catch (RuntimeException | Error unexpected) {
      return fail(client, job, true, unexpected, redactor, null);
    } catch (Exception technical) {
      return fail(client, job, true, technical, redactor, null);
    }
  }

  private JobOutcome fail(
      JobClient client, ActivatedJob job, boolean retryable, Throwable failure, Redactor redactor, Duration requested) {
    String message = redactor.redact(describe(failure));
    int retries = retryable ? Math.max(0, job.getRetries() - 1) : 0;
    Duration backoff = retries == 0 ? Duration.ZERO
        : requested != null ? requested : options.backoff().after(attempt(job));
    if (retries == 0) {
      failures.remove(job.getKey());
    }
    if (!send(client.newFailCommand(job).retries(retries).retryBackoff(backoff).errorMessage(message), "fail")) {
      return JobOutcome.REJECTED;
    }
    if (retries > 0) {
      LOG.warn("Failed job, {} retries left, next attempt in {}: {}", retries, backoff, message);
      return JobOutcome.FAILED_WILL_RETRY;
    }
    LOG.error("Failed job with no retries left (incident): {}", message);
    return JobOutcome.FAILED_INCIDENT;
  }

  /**
   * The number of this failure (1 for the first): the failures this runtime saw for the job, or the
   * retries used up according to the configured retries, whichever is higher (the former survives
   * a model whose retries differ from the configuration, the latter a restart of the runtime).
   */
  private int attempt(ActivatedJob job) {
    if (failures.size() > MAX_TRACKED_FAILURES) {
      failures.clear();
    }
    int seen = failures.merge(job.getKey(), 1, Integer::sum);
    int fromRetries = options.retries() - job.getRetries() + 1;
    return Math.max(1, Math.max(seen, fromRetries));
  }

  /** Sends a command; a refusal or transport failure is logged (redacted) and reported as false, never thrown. */
  private boolean send(FinalCommandStep<?> command, String action) {
    try {
      command.send().join();
      return true;
    } catch (RuntimeException refused) {
      LOG.warn(String.format(COMMAND_FAILED, action, services.secrets().redactor().redact(answer(refused))));
      return false;
    }
  }

  /** The engine's answer in one line: the problem's status and detail, else the failure's description. */
  private static String answer(RuntimeException refused) {
    Throwable cause = refused instanceof java.util.concurrent.CompletionException && refused.getCause() != null
        ? refused.getCause() : refused;
    if (cause instanceof ProblemException problem && problem.details() != null) {
      return "HTTP " + problem.code() + " " + problem.details().getTitle() + ": " + problem.details().getDetail();
    }
    return describe(cause);
  }

  private JobContext context(JobInfo info) {
    Workspace workspace = Workspace.forInstance(services.workspaceRoot(), info.processInstanceKey(), services.areas());
    return new JobContext(info, workspace, services.secrets(), services.ledger(), services.json(), services.clock(),
        services.engine());
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

  /** What the runner needs from the runtime; shared by every job type. */
  record RuntimeServices(
      ObjectMapper json, SecretResolver secrets, IdempotencyLedger ledger, Path workspaceRoot, Map<String, Path> areas,
      Clock clock, JobObserver observer, RunningJobs running, EngineQueries engine) {}
}
